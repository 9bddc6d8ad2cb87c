import { describe, expect, it } from "vitest";
import { createLimiter, QueueFullError } from "@/lib/concurrency";

/** A task that runs until released, recording the most that ran at once. */
function gate(peak: { running: number; max: number }) {
  let release!: () => void;
  const done = new Promise<void>((resolve) => (release = resolve));
  const task = async () => {
    peak.running += 1;
    peak.max = Math.max(peak.max, peak.running);
    await done;
    peak.running -= 1;
    return "done";
  };
  return { task, release };
}

describe("the limiter", () => {
  it("runs at most `limit` at once, queues up to `queueLimit`, and refuses the rest at once", async () => {
    const limiter = createLimiter({ limit: 2, queueLimit: 3 });
    const peak = { running: 0, max: 0 };
    const gates = Array.from({ length: 7 }, () => gate(peak));
    const results = gates.map(({ task }) => limiter.run(task).then((value) => value, (error: unknown) => error));
    expect(limiter.running).toBe(2);
    expect(limiter.waiting).toBe(3);
    expect(await results[5]).toBeInstanceOf(QueueFullError);
    expect(await results[6]).toBeInstanceOf(QueueFullError);

    for (const { release } of gates) release();
    expect(await Promise.all(results.slice(0, 5))).toEqual(["done", "done", "done", "done", "done"]);
    expect(peak.max).toBe(2);
    expect(limiter.running).toBe(0);
    expect(limiter.waiting).toBe(0);
  });

  it("starts the queued tasks in order as slots free, and frees a slot when a task fails", async () => {
    const limiter = createLimiter({ limit: 1, queueLimit: 5 });
    const order: number[] = [];
    const failing = limiter.run(async () => {
      throw new Error("boom");
    });
    const queued = [1, 2, 3].map((n) => limiter.run(async () => void order.push(n)));
    await expect(failing).rejects.toThrow("boom");
    await Promise.all(queued);
    expect(order).toEqual([1, 2, 3]);
    expect(limiter.running).toBe(0);
  });

  it("keeps a finished task's slot resting for restMs before the next starts, while its caller has the result at once", async () => {
    const limiter = createLimiter({ limit: 1, queueLimit: 5, restMs: 80 });
    const started: number[] = [];
    const task = async () => void started.push(performance.now());
    const first = limiter.run(task);
    const second = limiter.run(task);
    await first;
    const firstDone = performance.now();
    expect(started).toHaveLength(1);
    await second;
    expect(started[1]! - firstDone).toBeGreaterThanOrEqual(75);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(limiter.running).toBe(0);
  });
});
