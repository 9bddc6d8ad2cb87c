import { describe, expect, it } from "vitest";
import { BenchUsageError, parseBenchOptions, scaleDatabaseName } from "@/lib/bench/options";

describe("parseBenchOptions", () => {
  it("reads the scale and gives the defaults", () => {
    expect(parseBenchOptions(["--scale", "10"])).toEqual({
      scale: 10,
      database: null,
      samples: 30,
      durationSeconds: 20,
      port: null,
      skipLighthouse: false,
      skipLoad: false,
      help: false,
    });
  });

  it("reads every option", () => {
    const options = parseBenchOptions(["--scale", "1", "--samples", "5", "--duration", "3", "--port", "3840", "--skip-lighthouse", "--skip-load"]);
    expect(options).toMatchObject({ scale: 1, samples: 5, durationSeconds: 3, port: 3840, skipLighthouse: true, skipLoad: true });
  });

  it("takes a database by name or by URL, the scale then defaulting to 1", () => {
    expect(parseBenchOptions(["--database", "ubt_tracker"])).toMatchObject({ scale: 1, database: { kind: "name", name: "ubt_tracker" } });
    expect(parseBenchOptions(["--database", "postgresql://u:p@db.example:5432/ubt", "--scale", "10"])).toMatchObject({
      scale: 10,
      database: { kind: "url", url: "postgresql://u:p@db.example:5432/ubt" },
    });
  });

  it.each([
    [[], "Give the scale to benchmark"],
    [["--scale", "0"], '--scale must be a whole number from 1 to 1,000, got "0"'],
    [["--scale", "1.5"], '--scale must be a whole number from 1 to 1,000, got "1.5"'],
    [["--scale", "ten"], '--scale must be a whole number from 1 to 1,000, got "ten"'],
    [["--scale", "1", "--samples", "0"], "--samples must be a whole number from 1 to 10,000"],
    [["--scale", "1", "--samples", "-3"], "Option '--samples' argument is ambiguous"],
    [["--scale", "1", "--duration", "0"], "--duration must be a whole number from 1 to 3,600"],
    [["--scale", "1", "--port", "70000"], "--port must be a whole number from 1 to 65,535"],
    [["--database", "drop table; --"], "--database must be a database name"],
    [["--database", "1db"], "--database must be a database name"],
    [["--scale", "1", "--sample", "5"], "Unknown option '--sample'"],
    [["--scale"], "Option '--scale <value>' argument missing"],
    [["--scale", "1", "extra"], "Unexpected argument 'extra'"],
  ])("refuses %j with a message naming the problem", (argv, expected) => {
    expect(() => parseBenchOptions(argv)).toThrow(BenchUsageError);
    expect(() => parseBenchOptions(argv)).toThrow(expected);
  });

  it("asks for nothing else with --help", () => {
    expect(parseBenchOptions(["--help"]).help).toBe(true);
  });
});

describe("scaleDatabaseName", () => {
  it("is the database npm run db:generate makes", () => {
    expect(scaleDatabaseName(10)).toBe("ubt_scale_10");
  });
});
