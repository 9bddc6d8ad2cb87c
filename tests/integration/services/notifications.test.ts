import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type PgBoss from "pg-boss";
import * as oneClick from "@/app/api/unsubscribe/route";
import type { PersonActor } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db";
import { digestDay } from "@/lib/domain/notifications";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { runOncePerDay } from "@/lib/jobs/daily";
import { QUEUES } from "@/lib/jobs/queue";
import { startWorker } from "@/lib/jobs/worker";
import * as notifications from "@/lib/services/notifications";
import * as ratings from "@/lib/services/ratings";
import * as savings from "@/lib/services/savings";
import { reopenRatingSchema, saveRatingSchema, signoffSchema } from "@/lib/validation/ratings";
import { rejectSavingsSchema, reportSavingsSchema, validateSavingsSchema } from "@/lib/validation/savings";
import { couriersTeam, demoCast } from "@/tests/support/actors";
import { asSubmitted } from "@/tests/support/as-submitted";
import { resetToSeed } from "@/tests/support/database";
import { SEED_NOW, SEED_QUARTER } from "@/tests/support/seed-clock";
import { readable } from "@/tests/support/smtp-server";

// A mail server on loopback, and the secret unsubscribe links are signed with (both read when the modules load).
const { smtp } = await vi.hoisted(async () => {
  const { startLoopbackSmtp } = await import("@/tests/support/smtp-server");
  process.env.NEXTAUTH_SECRET = "notifications-test-secret-0123456789";
  return { smtp: await startLoopbackSmtp() };
});

const saveRating = asSubmitted(saveRatingSchema, ratings.saveRating);
const signRating = asSubmitted(signoffSchema, ratings.signRating);
const reopenRating = asSubmitted(reopenRatingSchema, ratings.reopenRating);
const reportSavings = asSubmitted(reportSavingsSchema, savings.reportSavings);
const validateSavings = asSubmitted(validateSavingsSchema, savings.validateSavings);
const rejectSavings = asSubmitted(rejectSavingsSchema, savings.rejectSavings);

let couriersId: string;
let projectId: string;
let criteria: { id: string; level: number }[];
let actors: Record<string, PersonActor>;
const workers: PgBoss[] = [];

function quarterlyInput(overrides: Record<string, unknown> = {}) {
  const checks = criteria.filter((criterion) => criterion.level <= 4).map((criterion) => ({ criterionId: criterion.id, met: true }));
  return { teamId: couriersId, quarter: SEED_QUARTER, kind: "QUARTERLY", expectedVersion: null, checks, ...overrides };
}

/** Who got a notification of this kind (each person once per notification). */
async function told(kind: NotificationKind) {
  const rows = await prisma.notification.findMany({ where: { kind }, select: { personId: true }, orderBy: { personId: "asc" } });
  return rows.map((row) => row.personId);
}

async function queuedEmails(): Promise<number> {
  const [row] = await prisma.$queryRawUnsafe<{ count: bigint }[]>(`SELECT count(*) FROM pgboss.job WHERE name = $1`, QUEUES.notificationEmail);
  return Number(row!.count);
}

function mailTo(address: string) {
  return smtp.inbox.filter((mail) => mail.to.includes(address));
}

async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("Timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  await resetToSeed();
  const couriers = await couriersTeam();
  couriersId = couriers.id;
  projectId = (await prisma.project.findFirstOrThrow({ where: { teamId: couriersId }, orderBy: { id: "asc" } })).id;
  criteria = await prisma.criterion.findMany({ where: { set: { status: "PUBLISHED" } }, select: { id: true, level: true } });
  actors = await demoCast(couriers);
});

afterEach(async () => {
  await Promise.all(workers.splice(0).map((worker) => worker.stop({ graceful: false })));
  await prisma.rating.deleteMany({ where: { teamId: couriersId, quarter: SEED_QUARTER } });
  await prisma.notification.deleteMany();
  await prisma.notificationPreference.deleteMany();
  await prisma.digestSent.deleteMany();
  await prisma.person.updateMany({ data: { unsubscribedAt: null } });
  await prisma.$executeRawUnsafe(`DELETE FROM pgboss.job`);
  smtp.inbox.length = 0;
});

afterAll(async () => {
  await smtp.close();
});

describe("rating events", () => {
  it("a union sponsor signs: the management sponsor, and nobody else, is asked to sign, and emailed by the worker", async () => {
    const { ratingId } = await saveRating(actors.unionSponsor!, quarterlyInput());
    await signRating(actors.unionSponsor!, { ratingId, expectedVersion: 1, decision: "SIGNED", level: 4 });

    expect(await told("RATING_AWAITS_SIGNATURE")).toEqual([actors.managementSponsor!.personId]);
    expect(await prisma.notification.count()).toBe(1);
    const notification = await prisma.notification.findFirstOrThrow();
    expect(notification).toMatchObject({ emailState: "PENDING", link: `/teams/${couriersId}/ratings/${SEED_QUARTER}`, readAt: null });
    expect(await queuedEmails()).toBe(1);

    workers.push(await startWorker(process.env.DATABASE_URL!, { pollingIntervalSeconds: 0.5 }));
    await eventually(() => mailTo("sponsor.mgmt@example.org").length === 1);
    const email = readable(mailTo("sponsor.mgmt@example.org")[0]!.message);
    expect(email).toMatch(/List-Unsubscribe: <http[^>]+\/api\/unsubscribe\?token=[^>]+>/);
    expect(email).toMatch(/List-Unsubscribe-Post: List-Unsubscribe=One-Click/);
    expect(email).toMatch(/Stop these emails: http\S+\/unsubscribe\?token=/);
    await eventually(async () => (await prisma.notification.findUniqueOrThrow({ where: { id: notification.id } })).emailState === "SENT");
    expect(smtp.inbox).toHaveLength(1);
  });

  it("a signed rating changed, disputed or reopened tells the sponsors who signed it, never the actor", async () => {
    const { ratingId } = await saveRating(actors.unionSponsor!, quarterlyInput());
    await signRating(actors.unionSponsor!, { ratingId, expectedVersion: 1, decision: "SIGNED", level: 4 });
    // Changed by the management sponsor after the union sponsor signed.
    const checks = criteria.filter((criterion) => criterion.level <= 3).map((criterion) => ({ criterionId: criterion.id, met: true }));
    await saveRating(actors.managementSponsor!, quarterlyInput({ expectedVersion: 2, checks }));
    expect(await told("SIGNED_RATING_CHANGED")).toEqual([actors.unionSponsor!.personId]);

    // Disputed: the union sponsor signs again, the management side disagrees.
    await signRating(actors.unionSponsor!, { ratingId, expectedVersion: 3, decision: "SIGNED", level: 3 });
    await signRating(actors.managementSponsor!, { ratingId, expectedVersion: 4, decision: "DISAGREED", level: 3, reason: "No charter yet" });
    expect(await told("SIGNED_RATING_CHANGED")).toEqual([actors.unionSponsor!.personId, actors.unionSponsor!.personId]);
    const dispute = await prisma.notification.findFirstOrThrow({ where: { kind: "SIGNED_RATING_CHANGED" }, orderBy: { createdAt: "desc" } });
    expect(dispute.body).toContain("No charter yet");

    // Final, then reopened by LMP staff: both signers are told.
    await signRating(actors.unionSponsor!, { ratingId, expectedVersion: 5, decision: "SIGNED", level: 3 });
    await signRating(actors.managementSponsor!, { ratingId, expectedVersion: 6, decision: "SIGNED", level: 3 });
    await prisma.notification.deleteMany();
    await reopenRating(actors.staff!, { ratingId, expectedVersion: 7, reason: "Evidence was missing" });
    expect(new Set(await told("SIGNED_RATING_CHANGED"))).toEqual(new Set([actors.unionSponsor!.personId, actors.managementSponsor!.personId]));
    expect(await prisma.notification.count()).toBe(2);
  });

  it("a rolled-back change tells nobody and queues no email", async () => {
    await expect(
      prisma.$transaction(async (tx) => {
        await notifications.notify(tx, [{ personId: actors.managementSponsor!.personId, kind: "RATING_AWAITS_SIGNATURE", title: "t", body: "b", link: "/" }]);
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await prisma.notification.count()).toBe(0);
    expect(await queuedEmails()).toBe(0);
  });
});

describe("savings events", () => {
  const input = { amount: "1,000.00", category: "HARD_SAVINGS", recurrence: "ONE_TIME", reportedOn: "2025-01-15", method: "Invoices before and after." };

  it("validated or rejected (with the reason): the reporter is told, once", async () => {
    const first = await reportSavings(actors.laborColead!, { projectId, ...input });
    await validateSavings(actors.finance!, { entryId: first.entryId, expectedVersion: first.version });
    const second = await reportSavings(actors.laborColead!, { projectId, ...input });
    await rejectSavings(actors.finance!, { entryId: second.entryId, expectedVersion: second.version, reason: "Invoices do not match" });

    expect(await told("SAVINGS_REVIEWED")).toEqual([actors.laborColead!.personId, actors.laborColead!.personId]);
    const rejected = await prisma.notification.findFirstOrThrow({ where: { title: { contains: "rejected" } } });
    expect(rejected.body).toContain("Invoices do not match");
    await prisma.savingsEntry.deleteMany({ where: { id: { in: [first.entryId, second.entryId] } } });
  });
});

describe("preferences", () => {
  async function signedByUnion() {
    const { ratingId } = await saveRating(actors.unionSponsor!, quarterlyInput());
    await signRating(actors.unionSponsor!, { ratingId, expectedVersion: 1, decision: "SIGNED", level: 4 });
    return prisma.notification.findFirstOrThrow({ where: { personId: actors.managementSponsor!.personId } });
  }

  it("off: in the inbox, never emailed", async () => {
    await prisma.notificationPreference.create({ data: { personId: actors.managementSponsor!.personId, kind: "RATING_AWAITS_SIGNATURE", delivery: "OFF" } });
    expect((await signedByUnion()).emailState).toBe("NONE");
    expect(await queuedEmails()).toBe(0);
    expect(await notifications.sendDailyDigests()).toBe(0);
    expect(smtp.inbox).toHaveLength(0);
  });

  it("daily: not sent at once, only in the digest", async () => {
    await prisma.notificationPreference.create({ data: { personId: actors.managementSponsor!.personId, kind: "RATING_AWAITS_SIGNATURE", delivery: "DAILY" } });
    expect((await signedByUnion()).emailState).toBe("DAILY");
    expect(await queuedEmails()).toBe(0);
    expect(await notifications.sendDailyDigests()).toBe(1);
    expect(mailTo("sponsor.mgmt@example.org")).toHaveLength(1);
    expect(readable(mailTo("sponsor.mgmt@example.org")[0]!.message)).toContain("awaits your signature");
  });

  it("saved from the account page for every kind", async () => {
    const choice = { RATING_AWAITS_SIGNATURE: "DAILY", SIGNED_RATING_CHANGED: "OFF", SAVINGS_REVIEWED: "IMMEDIATE", PROJECT_STALE: "OFF", RATINGS_DUE: "DAILY" } as const;
    await notifications.savePreferences(actors.managementSponsor!, choice);
    const saved = await prisma.notificationPreference.findMany({ where: { personId: actors.managementSponsor!.personId } });
    expect(Object.fromEntries(saved.map((row) => [row.kind, row.delivery]))).toEqual(choice);
  });
});

describe("the daily digest", () => {
  async function dailyFor(emails: string[], perPerson: number) {
    const people = await prisma.person.findMany({ where: { email: { in: emails } } });
    await prisma.notification.createMany({
      data: people.flatMap((person) =>
        Array.from({ length: perPerson }, (_, index) => ({ personId: person.id, kind: "SIGNED_RATING_CHANGED" as const, title: `Update ${index + 1}`, body: "b", link: "/", emailState: "DAILY" as const })),
      ),
    });
  }
  const emails = ["sponsor.union@example.org", "sponsor.mgmt@example.org", "colead.labor@example.org"];

  it("two runs at once send one email per person, listing all of their daily notifications", async () => {
    await dailyFor(emails, 2);
    const sent = await Promise.all([notifications.sendDailyDigests(), notifications.sendDailyDigests()]);
    expect(sent[0]! + sent[1]!).toBe(3);
    expect(smtp.inbox).toHaveLength(3);
    for (const email of emails) {
      expect(mailTo(email)).toHaveLength(1);
      expect(readable(mailTo(email)[0]!.message)).toMatch(/Update 1[\s\S]*Update 2/);
    }
    expect(await prisma.notification.count({ where: { emailState: "DAILY" } })).toBe(0);
    expect(await prisma.digestSent.count({ where: { day: digestDay(new Date()) } })).toBe(3);
    // Later that day: nothing is sent again, even for a new daily notification (it waits for tomorrow).
    await dailyFor(emails.slice(0, 1), 1);
    expect(await notifications.sendDailyDigests()).toBe(0);
    expect(smtp.inbox).toHaveLength(3);
  });

  it("two queue workers given the digest job at the same moment send one email per person", async () => {
    await dailyFor(emails, 1);
    // Due from midnight, so the test does not depend on the hour it runs at.
    const daily = { reminders: { hour: 0, minute: 0 }, digest: { hour: 0, minute: 0 }, upkeep: { hour: 0, minute: 0 } };
    workers.push(await startWorker(process.env.DATABASE_URL!, { pollingIntervalSeconds: 0.5, daily }));
    workers.push(await startWorker(process.env.DATABASE_URL!, { pollingIntervalSeconds: 0.5, daily }));
    // As if two app instances' clocks both ticked at once.
    await Promise.all([workers[0]!.send(QUEUES.dailyDigest, {}), workers[1]!.send(QUEUES.dailyDigest, {})]);
    await eventually(async () => {
      const [row] = await prisma.$queryRawUnsafe<{ count: bigint }[]>(`SELECT count(*) FROM pgboss.job WHERE name = $1 AND state = 'completed'`, QUEUES.dailyDigest);
      return Number(row!.count) === 2;
    });
    expect(smtp.inbox).toHaveLength(3);
    for (const email of emails) expect(mailTo(email)).toHaveLength(1);
  });
});

describe("daily jobs", () => {
  const at = { hour: 7, minute: 15 };
  const day = (time: string) => new Date(`2026-12-01T${time}:00Z`);

  it("run once a day, at or after their time, whichever tick comes first", async () => {
    const runs: Date[] = [];
    const work = async (now: Date) => (runs.push(now), 5);
    expect(await runOncePerDay("test-job", at, work, day("07:14"))).toBeNull();
    expect(runs).toEqual([]);
    // The 07:15 tick was missed (or no worker ran): the 09:30 one does the day's work.
    expect(await runOncePerDay("test-job", at, work, day("09:30"))).toBe(5);
    expect(await runOncePerDay("test-job", at, work, day("09:45"))).toBeNull();
    expect(await runOncePerDay("test-job", at, work, new Date("2026-12-02T07:15:00Z"))).toBe(5);
    expect(runs).toEqual([day("09:30"), new Date("2026-12-02T07:15:00Z")]);
  });

  it("try again at the next tick when the work fails, and mark the day only when it finished", async () => {
    await expect(runOncePerDay("failing-job", at, async () => Promise.reject(new Error("mail server down")), day("08:00"))).rejects.toThrow("mail server down");
    expect(await prisma.dailyJobRun.count({ where: { job: "failing-job" } })).toBe(0);
    expect(await runOncePerDay("failing-job", at, async () => 1, day("08:15"))).toBe(1);
    expect(await prisma.dailyJobRun.count({ where: { job: "failing-job" } })).toBe(1);
  });
});

describe("daily reminders", () => {
  it("tells co-leads of a project past 90 days once per quiet spell, and sponsors once per quarter that ratings are due", async () => {
    const project = await prisma.project.update({ where: { id: projectId }, data: { status: "ACTIVE", lastActivityAt: new Date("2026-05-01T00:00:00Z") } });
    // Six weeks before the seed's quarter ends: inside the last 45 days.
    const now = new Date("2026-08-20T07:00:00Z");
    await notifications.sendDailyReminders(now);
    const coleads = [actors.laborColead!.personId, actors.managementColead!.personId].sort();
    const stale = await prisma.notification.findMany({ where: { kind: "PROJECT_STALE", link: `/projects/${project.id}` } });
    expect(stale.map((row) => row.personId).sort()).toEqual(coleads);
    const due = await told("RATINGS_DUE");
    expect(due).toContain(actors.unionSponsor!.personId);
    expect(due).toContain(actors.managementSponsor!.personId);
    expect(new Set(due).size).toBe(due.length);

    const before = await prisma.notification.count();
    await notifications.sendDailyReminders(new Date("2026-08-21T07:00:00Z"));
    expect(await prisma.notification.count()).toBe(before);

    // Updated, then quiet for another 90 days: a new spell.
    await prisma.project.update({ where: { id: projectId }, data: { lastActivityAt: new Date("2026-05-10T00:00:00Z") } });
    await notifications.sendDailyReminders(new Date("2026-08-22T07:00:00Z"));
    expect(await prisma.notification.count({ where: { kind: "PROJECT_STALE", link: `/projects/${project.id}` } })).toBe(4);
  });

  it("are not due before the last 45 days of the quarter", async () => {
    await notifications.sendDailyReminders(new Date(Date.UTC(SEED_NOW.getUTCFullYear(), 6, 10)));
    expect(await prisma.notification.count({ where: { kind: "RATINGS_DUE" } })).toBe(0);
  });
});

describe("unsubscribing", () => {
  it("a link turns that person's email off, works once, and only for its person", async () => {
    const sponsor = actors.managementSponsor!.personId;
    const token = notifications.unsubscribeToken(sponsor);
    const [payload, signature] = token.split(".");
    const forged = `${Buffer.from(`${actors.unionSponsor!.personId}.${Date.now()}`).toString("base64url")}.${signature}`;
    await expect(notifications.unsubscribe({ token: forged })).rejects.toThrow(notifications.UNUSABLE_LINK);
    await expect(notifications.unsubscribe({ token: `${payload}.x${signature!.slice(1)}` })).rejects.toThrow(notifications.UNUSABLE_LINK);

    expect(await notifications.getUnsubscribeState(token)).toMatchObject({ displayName: expect.any(String) });
    expect(await notifications.unsubscribe({ token })).toMatchObject({ displayName: expect.any(String) });
    const prefs = await prisma.notificationPreference.findMany({ where: { personId: sponsor } });
    expect(prefs).toHaveLength(5);
    expect(prefs.every((row) => row.delivery === "OFF")).toBe(true);
    expect(await prisma.notificationPreference.count({ where: { personId: { not: sponsor } } })).toBe(0);
    await expect(notifications.unsubscribe({ token })).rejects.toThrow(notifications.UNUSABLE_LINK);
    expect(await notifications.getUnsubscribeState(token)).toBeNull();
  });

  it("mail programs' one-click POST (RFC 8058) unsubscribes once; opening the header's link only leads to the page that asks", async () => {
    const sponsor = actors.managementSponsor!.personId;
    const token = notifications.unsubscribeToken(sponsor);
    const url = `http://localhost/api/unsubscribe?token=${token}`;
    const opened = await oneClick.GET(new Request(url));
    expect(opened.status).toBe(303);
    expect(opened.headers.get("location")).toMatch(new RegExp(`/unsubscribe\\?token=${token}$`));
    expect(await prisma.person.findUniqueOrThrow({ where: { id: sponsor } })).toMatchObject({ unsubscribedAt: null });

    const post = () => oneClick.POST(new Request(url, { method: "POST", body: "List-Unsubscribe=One-Click", headers: { "Content-Type": "application/x-www-form-urlencoded" } }));
    expect((await post()).status).toBe(200);
    expect(await prisma.notificationPreference.count({ where: { personId: sponsor, delivery: "OFF" } })).toBe(5);
    const again = await post();
    expect(again.status).toBe(409);
    expect(await again.json()).toEqual({ error: notifications.UNUSABLE_LINK });
    expect((await oneClick.POST(new Request("http://localhost/api/unsubscribe", { method: "POST" }))).status).toBe(400);
  });
});
