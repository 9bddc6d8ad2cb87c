import { describe, expect, it } from "vitest";
import { awaitingSignatureRecipients, deliveryFor, emailStateFor, isDailyRunDue, projectStaleKey, quarterDueOn, recipients, signersToTell } from "@/lib/domain/notifications";

describe("who is told", () => {
  it("never the actor, and each person once", () => {
    expect(recipients(["a", "b", "a", "actor"], "actor")).toEqual(["a", "b"]);
  });

  it("a rating awaiting a side asks that side's sponsors only", () => {
    const sponsors = [
      { personId: "union", side: "UNION" as const },
      { personId: "mgmt", side: "MANAGEMENT" as const },
      { personId: "mgmt2", side: "MANAGEMENT" as const },
    ];
    expect(awaitingSignatureRecipients(sponsors, ["MANAGEMENT"], "union")).toEqual(["mgmt", "mgmt2"]);
    // A sponsor of both sides who signed one is not asked for the other.
    expect(awaitingSignatureRecipients(sponsors, ["MANAGEMENT"], "mgmt")).toEqual(["mgmt2"]);
  });

  it("a change tells those who signed, not those who disagreed nor the actor", () => {
    const signatures = [
      { personId: "union", decision: "SIGNED" as const },
      { personId: "mgmt", decision: "DISAGREED" as const },
      { personId: "staff", decision: "SIGNED" as const },
    ];
    expect(signersToTell(signatures, "staff")).toEqual(["union"]);
  });
});

describe("delivery", () => {
  it("defaults: what asks for action now is immediate, the rest daily; a preference wins", () => {
    expect(deliveryFor("RATING_AWAITS_SIGNATURE", [])).toBe("IMMEDIATE");
    expect(deliveryFor("PROJECT_STALE", [])).toBe("DAILY");
    expect(deliveryFor("PROJECT_STALE", [{ kind: "PROJECT_STALE", delivery: "OFF" }])).toBe("OFF");
    expect(deliveryFor("RATINGS_DUE", [{ kind: "PROJECT_STALE", delivery: "OFF" }])).toBe("DAILY");
  });

  it("maps to the email's state", () => {
    expect([emailStateFor("IMMEDIATE"), emailStateFor("DAILY"), emailStateFor("OFF")]).toEqual(["PENDING", "DAILY", "NONE"]);
  });
});

describe("schedules", () => {
  it("ratings are due in the last 45 days of the quarter only", () => {
    // Q3 ends with 30 September: its last 45 days begin on 17 August.
    expect(quarterDueOn(new Date("2026-08-17T00:00:00Z"))).toBe("2026-Q3");
    expect(quarterDueOn(new Date("2026-09-30T12:00:00Z"))).toBe("2026-Q3");
    expect(quarterDueOn(new Date("2026-08-16T23:00:00Z"))).toBeNull();
    expect(quarterDueOn(new Date("2026-07-01T00:00:00Z"))).toBeNull();
    expect(quarterDueOn(new Date("2026-12-31T23:59:00Z"))).toBe("2026-Q4");
  });

  it("a stale project's key changes with its last update, so each quiet spell tells once", () => {
    const first = projectStaleKey("p", "proj", new Date("2026-01-01T00:00:00Z"));
    expect(projectStaleKey("p", "proj", new Date("2026-01-01T00:00:00Z"))).toBe(first);
    expect(projectStaleKey("p", "proj", new Date("2026-02-01T00:00:00Z"))).not.toBe(first);
  });
});

describe("isDailyRunDue", () => {
  const at = { hour: 7, minute: 15 };
  it("is due from the job's time (UTC) to the end of the day", () => {
    expect(isDailyRunDue(new Date("2026-12-01T07:14:59Z"), at)).toBe(false);
    expect(isDailyRunDue(new Date("2026-12-01T07:15:00Z"), at)).toBe(true);
    expect(isDailyRunDue(new Date("2026-12-01T23:59:00Z"), at)).toBe(true);
    expect(isDailyRunDue(new Date("2026-12-02T00:00:00Z"), at)).toBe(false);
    expect(isDailyRunDue(new Date("2026-12-02T06:00:00Z"), { hour: 0, minute: 0 })).toBe(true);
  });
});
