import { describe, expect, it } from "vitest";
import { describeUrlProblem, readUrlFilters, urlFilters, urlQuery } from "@/lib/validation/url-filters";

const shape = { quarter: urlFilters.quarter, region: urlFilters.region, page: urlFilters.page };

describe("the URL-filter parser", () => {
  it("reads each named filter with its schema; blank is no filter, and a key given twice alike is given once", () => {
    expect(readUrlFilters({ quarter: "2021-Q2", region: ["colorado", "colorado"], page: " ", other: "x" }, shape)).toEqual({
      values: { quarter: "2021-Q2", region: "colorado" },
      problems: [],
    });
  });

  it("does not guess which of two different values was meant", () => {
    expect(readUrlFilters({ region: ["colorado", "georgia"] }, shape)).toEqual({
      values: {},
      problems: [{ name: "region", value: "colorado, georgia", message: "Give one value, not several" }],
    });
  });

  it("names every value it does not understand, with why, and leaves it out", () => {
    expect(readUrlFilters({ quarter: "2099-Q9", region: "Colorado Springs", page: "0" }, shape)).toEqual({
      values: {},
      problems: [
        { name: "quarter", value: "2099-Q9", message: "Enter a quarter like 2021-Q2" },
        { name: "region", value: "Colorado Springs", message: "Choose a region from the list" },
        { name: "page", value: "0", message: "The page must be a whole number from 1 to 1000" },
      ],
    });
  });

  it("says each problem the same way on every page, with what is shown instead", () => {
    const { problems } = readUrlFilters({ quarter: "banana" }, shape);
    expect(describeUrlProblem(problems[0]!, "Showing the latest quarter instead.")).toBe(
      "Not applied: quarter “banana”. Enter a quarter like 2021-Q2. Showing the latest quarter instead.",
    );
  });

  it("writes filters back as a query string, leaving out empty ones", () => {
    expect(urlQuery({ quarter: "2021-Q2", region: null, page: 2, q: "" })).toBe("quarter=2021-Q2&page=2");
  });

  it("reads the team directory's level, rating status and lifecycle, and names what it cannot", () => {
    const directory = { level: urlFilters.level, ratingStatus: urlFilters.ratingStatus, lifecycle: urlFilters.lifecycle };
    expect(readUrlFilters({ level: "4", ratingStatus: "NOT_STARTED", lifecycle: "retired" }, directory)).toEqual({
      values: { level: 4, ratingStatus: "NOT_STARTED", lifecycle: "retired" },
      problems: [],
    });
    expect(readUrlFilters({ level: "none" }, directory).values).toEqual({ level: "none" });
    expect(readUrlFilters({ level: "6", ratingStatus: "final", lifecycle: "gone" }, directory)).toEqual({
      values: {},
      problems: [
        { name: "level", value: "6", message: "Choose a level from the list" },
        { name: "ratingStatus", value: "final", message: "Choose a rating status from the list" },
        { name: "lifecycle", value: "gone", message: "Choose active or retired" },
      ],
    });
    expect(readUrlFilters({ level: "2.5" }, directory).problems).toEqual([{ name: "level", value: "2.5", message: "Choose a level from the list" }]);
  });

  it("reads the movement page's list to page by its movement group, and names one it does not know", () => {
    const paging = { list: urlFilters.list, page: urlFilters.page };
    expect(readUrlFilters({ list: "newlyRated", page: "2" }, paging)).toEqual({ values: { list: "newlyRated", page: 2 }, problems: [] });
    expect(readUrlFilters({ list: "sideways", page: "x" }, paging)).toEqual({
      values: {},
      problems: [
        { name: "list", value: "sideways", message: "Choose a list of teams from the page" },
        { name: "page", value: "x", message: "The page must be a whole number from 1 to 1000" },
      ],
    });
  });
});
