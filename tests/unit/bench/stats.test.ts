import { describe, expect, it } from "vitest";
import { lighthouseVerdict, loadVerdict, pageP95TargetMs, pageVerdict, percentile, percentiles } from "@/lib/bench/stats";

describe("percentile (nearest rank)", () => {
  const hundred = Array.from({ length: 100 }, (_, index) => 100 - index); // 100 … 1, unsorted on purpose

  it("answers a measured sample, never an interpolation", () => {
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 95)).toBe(95);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile([10, 20], 50)).toBe(10);
    expect(percentile([10, 20], 51)).toBe(20);
  });

  it("makes p99 of 30 samples the slowest, and p95 the second slowest", () => {
    const thirty = Array.from({ length: 30 }, (_, index) => index + 1);
    expect(percentiles(thirty)).toEqual({ p50: 15, p95: 29, p99: 30 });
  });

  it("handles one sample and leaves the input unsorted", () => {
    const samples = [3, 1, 2];
    expect(percentiles([7])).toEqual({ p50: 7, p95: 7, p99: 7 });
    expect(percentile(samples, 100)).toBe(3);
    expect(samples).toEqual([3, 1, 2]);
  });

  it("refuses no samples and a percentile out of range", () => {
    expect(() => percentile([], 50)).toThrow("No samples");
    expect(() => percentile([1], 0)).toThrow("above 0 and at most 100");
    expect(() => percentile([1], 101)).toThrow("above 0 and at most 100");
  });
});

describe("targets", () => {
  it("holds pages to 150 ms p95 at N=1 and 300 ms above", () => {
    expect(pageP95TargetMs(1)).toBe(150);
    expect(pageP95TargetMs(10)).toBe(300);
    expect(pageVerdict(150, 1)).toBe("met");
    expect(pageVerdict(150.5, 1)).toBe("not met");
    expect(pageVerdict(299, 10)).toBe("met");
    expect(pageVerdict(301, 10)).toBe("not met");
  });

  it("judges only the 50-connection load run, on rate, p95 and failures together", () => {
    const good = { connections: 50, requestsPerSecond: 150, p95Ms: 1000, non2xx: 0, errors: 0 };
    expect(loadVerdict(good)).toBe("met");
    expect(loadVerdict({ ...good, connections: 10 })).toBeNull();
    expect(loadVerdict({ ...good, requestsPerSecond: 149.9 })).toBe("not met");
    expect(loadVerdict({ ...good, p95Ms: 1001 })).toBe("not met");
    expect(loadVerdict({ ...good, non2xx: 1 })).toBe("not met");
    expect(loadVerdict({ ...good, errors: 1 })).toBe("not met");
  });

  it("asks Lighthouse for 95", () => {
    expect(lighthouseVerdict(95)).toBe("met");
    expect(lighthouseVerdict(94)).toBe("not met");
  });
});
