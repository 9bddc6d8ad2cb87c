import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { MAX_PAGE, PAGE_MESSAGE } from "@/lib/validation/paging";
import { adoptPracticeSchema, practiceSearchHref, practiceSearchSchema } from "@/lib/validation/practices";

const PROJECT_ID = "7f1c9a52-2d4b-4c55-9d0e-3a6f1b2c4d5e";
const TEAM_ID = "0b8e6f7a-1c2d-4e3f-8a9b-0c1d2e3f4a5b";

/** Each failing field with its messages (all of them, so a duplicate message would show). */
function messages(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  if (result.success) return {};
  const byField: Record<string, string[]> = {};
  for (const issue of result.error.issues) (byField[issue.path.join(".")] ??= []).push(issue.message);
  return byField;
}

describe("practiceSearchSchema", () => {
  it("reads every filter from the URL under its own name, the savings in cents", () => {
    expect(
      practiceSearchSchema.parse({
        q: "  drill  ",
        compass: "BEST_QUALITY",
        department: "SURGERY",
        region: "mid-atlantic-states",
        minSavings: "$12,500.5",
        page: "3",
      }),
    ).toEqual({ text: "drill", compassPoint: "BEST_QUALITY", departmentType: "SURGERY", regionSlug: "mid-atlantic-states", minSavingsCents: 1_250_050, page: 3 });
  });

  it("treats missing and blank fields as no filter, on page 1", () => {
    const none = { text: undefined, compassPoint: undefined, departmentType: undefined, regionSlug: undefined, minSavingsCents: undefined, page: 1 };
    expect(practiceSearchSchema.parse({})).toEqual(none);
    expect(practiceSearchSchema.parse({ q: "   ", compass: "", department: "", region: "", minSavings: " ", page: "" })).toEqual(none);
  });

  // One rule for every URL filter (lib/validation/url-filters.ts): the same value twice is
  // that value; two different ones are named as not understood rather than one guessed.
  it("reads a parameter given twice alike as given once, and refuses two different values", () => {
    expect(practiceSearchSchema.parse({ q: ["first", "first"], page: ["2", "2"] })).toMatchObject({ text: "first", page: 2 });
    const twice = practiceSearchSchema.safeParse({ q: ["first", "second"], page: ["2", "9"] });
    expect(twice.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["q", "Give one value, not several"],
      ["page", "Give one value, not several"],
    ]);
  });

  it("reads a minimum of zero dollars as a filter, not as none", () => {
    expect(practiceSearchSchema.parse({ minSavings: "0" }).minSavingsCents).toBe(0);
  });

  it.each(["-5", "ten thousand", "12.345", "1e6"])("refuses the minimum savings %j", (minSavings) => {
    expect(messages(practiceSearchSchema, { minSavings })).toEqual({
      minSavings: ["Enter the minimum savings in dollars, like 10,000 (no negative amounts, at most 2 decimals)"],
    });
  });

  it("names the compass point, department type and region that are not on the lists", () => {
    expect(messages(practiceSearchSchema, { compass: "CHEAPEST", department: "surgery", region: "Mid Atlantic" })).toEqual({
      compass: ["Choose a Value Compass point from the list"],
      department: ["Choose a department type from the list"],
      region: ["Choose a region from the list"],
    });
  });

  it.each(["0", "-1", "2.5", "abc", String(MAX_PAGE + 1)])("refuses page %j", (page) => {
    expect(messages(practiceSearchSchema, { page })).toEqual({ page: [PAGE_MESSAGE] });
  });

  it("takes a search of 200 characters and refuses 201", () => {
    expect(practiceSearchSchema.safeParse({ q: "x".repeat(200) }).success).toBe(true);
    expect(messages(practiceSearchSchema, { q: "x".repeat(201) })).toEqual({ q: ["Keep the search under 200 characters"] });
  });
});

describe("practiceSearchHref", () => {
  const NONE = { q: "", compass: "", department: "", region: "", minSavings: "" };

  it("is the library itself for an empty search on page 1", () => {
    expect(practiceSearchHref(NONE)).toBe("/practices");
    expect(practiceSearchHref({ ...NONE, q: "   " }, 1)).toBe("/practices");
  });

  it("keeps what was typed under the URL's names, leaves blank fields out, and adds pages after the first", () => {
    const href = practiceSearchHref({ ...NONE, q: "drill & handoff", region: "colorado", minSavings: "10,000" }, 3);
    expect(href).toBe("/practices?q=drill+%26+handoff&region=colorado&minSavings=10%2C000&page=3");
    // What the page reads back from it is the same search.
    const params = Object.fromEntries(new URLSearchParams(href.split("?")[1]));
    expect(practiceSearchSchema.parse(params)).toMatchObject({ text: "drill & handoff", regionSlug: "colorado", minSavingsCents: 1_000_000, page: 3 });
  });
});

describe("adoptPracticeSchema", () => {
  const VALID = { originProjectId: PROJECT_ID, adopterTeamId: TEAM_ID };

  it("accepts a practice and a team, the title and aim optional and trimmed", () => {
    expect(adoptPracticeSchema.parse(VALID)).toEqual(VALID);
    expect(adoptPracticeSchema.parse({ ...VALID, title: "  Our drills ", aim: " Faster " })).toEqual({ ...VALID, title: "Our drills", aim: "Faster" });
  });

  it("asks for a team when none is chosen (the form's empty option)", () => {
    expect(messages(adoptPracticeSchema, { ...VALID, adopterTeamId: "" })).toEqual({ adopterTeamId: ["Choose the team that adopts the practice"] });
    expect(messages(adoptPracticeSchema, { originProjectId: PROJECT_ID })).toEqual({ adopterTeamId: ["Choose the team that adopts the practice"] });
  });

  it("refuses a practice id that is not a UUID", () => {
    expect(messages(adoptPracticeSchema, { ...VALID, originProjectId: "42" })).toEqual({ originProjectId: ["Unknown practice: reload the page and try again"] });
  });

  it("limits the title to 200 and the aim to 2,000 characters, after trimming", () => {
    expect(adoptPracticeSchema.safeParse({ ...VALID, title: ` ${"t".repeat(200)} `, aim: "a".repeat(2000) }).success).toBe(true);
    expect(messages(adoptPracticeSchema, { ...VALID, title: "t".repeat(201), aim: "a".repeat(2001) })).toEqual({
      title: ["Keep the title under 200 characters"],
      aim: ["Keep the aim under 2,000 characters"],
    });
  });

  it("refuses a title or aim that is not text", () => {
    expect(messages(adoptPracticeSchema, { ...VALID, title: 5, aim: ["x"] })).toEqual({ title: ["The title must be text"], aim: ["The aim must be text"] });
  });
});
