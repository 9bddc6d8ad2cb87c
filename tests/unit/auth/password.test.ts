import { describe, expect, it, vi } from "vitest";
import { HashingBusyError, hashPassword, verifyPassword } from "@/lib/auth/password";

// Each hash is deliberately slow (scrypt, 32 MiB): on a busy 2-core machine a few of them outlast vitest's 5 s default.
vi.setConfig({ testTimeout: 60_000 });

describe("password hashing", () => {
  it("verifies the right password and refuses a wrong one", async () => {
    const hash = await hashPassword("demo-password");
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword("demo-password", hash)).toBe(true);
    expect(await verifyPassword("demo-passwore", hash)).toBe(false);
    expect(await verifyPassword("", hash)).toBe(false);
  });

  it("salts every hash", async () => {
    expect(await hashPassword("same")).not.toBe(await hashPassword("same"));
  });

  it("refuses malformed stored hashes instead of throwing", async () => {
    expect(await verifyPassword("x", "")).toBe(false);
    expect(await verifyPassword("x", "md5$abc")).toBe(false);
  });
});

describe("the bound on concurrent hashing", () => {
  it("hashes on at most half the cores at once, queues eight more, and answers the rest 'busy' at once", async () => {
    const { availableParallelism } = await import("node:os");
    const limit = Math.max(1, Math.floor(availableParallelism() / 2));
    const attempts = limit + 8 + 5;
    // The earlier tests' hashing slots rest a moment after their last hash.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const outcomes = await Promise.allSettled(Array.from({ length: attempts }, () => hashPassword("a flood of passwords")));
    const refused = outcomes.filter((outcome) => outcome.status === "rejected");
    expect(refused).toHaveLength(5);
    for (const outcome of refused) expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(HashingBusyError);
    for (const outcome of refused) expect((outcome as PromiseRejectedResult).reason.message).toBe("The sign-in service is busy; try again in a moment.");
    // Once the queue has drained, hashing works again.
    expect(await verifyPassword("after", await hashPassword("after"))).toBe(true);
  });
});
