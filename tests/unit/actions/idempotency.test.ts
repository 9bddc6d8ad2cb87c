import { describe, expect, it } from "vitest";
import { requestFingerprint } from "@/lib/actions/idempotency";

describe("a request's fingerprint", () => {
  const input = { projectId: "p-1", amount: 1250, startDate: new Date("2026-11-30T00:00:00Z") };

  it("is the same for the same action and input", () => {
    expect(requestFingerprint("savings.reported", input)).toBe(requestFingerprint("savings.reported", { ...input }));
    expect(requestFingerprint("savings.reported", input)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("differs when the input or the action differs", () => {
    const fingerprint = requestFingerprint("savings.reported", input);
    expect(requestFingerprint("savings.reported", { ...input, amount: 1251 })).not.toBe(fingerprint);
    expect(requestFingerprint("savings.reported", { ...input, startDate: new Date("2026-12-01T00:00:00Z") })).not.toBe(fingerprint);
    expect(requestFingerprint("measure.added", input)).not.toBe(fingerprint);
  });
});
