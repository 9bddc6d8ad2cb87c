import "server-only";
// Making notifications (inside the transaction of the change they tell about, so a
// rolled-back change tells nobody) and delivering them by email (in the worker,
// lib/cli/worker.ts, from the job queue).
import { createHmac, timingSafeEqual } from "node:crypto";
import { recordAudit } from "@/lib/audit";
import type { PersonActor } from "@/lib/auth/permissions";
import { assignmentActiveOn, teamOperatesIn } from "@/lib/data/sql";
import { prisma } from "@/lib/db";
import {
  deliveryFor,
  digestDay,
  emailStateFor,
  NOTIFICATION_KINDS,
  projectStaleKey,
  quarterDueOn,
  ratingsDueKey,
  type Sponsor,
} from "@/lib/domain/notifications";
import { OPEN_STATUSES, staleBefore } from "@/lib/domain/projects";
import { formatQuarter } from "@/lib/domain/quarter";
import { COLEAD_ROLES } from "@/lib/domain/roles";
import { sponsorSideOf } from "@/lib/domain/rating-workflow";
import { sendEmail } from "@/lib/email";
import { appUrl, env } from "@/lib/env";
import { ConflictError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { QUEUES, sendInTransaction } from "@/lib/jobs/queue";
import type { NotificationPreferencesInput } from "@/lib/validation/notifications";

type Tx = Prisma.TransactionClient;

export type NotificationDraft = { personId: string; kind: NotificationKind; title: string; body: string; link: string; dedupeKey?: string };

/**
 * Makes the notifications in the caller's transaction; each email is fixed by the
 * person's preference now, and an immediate one is queued in the same transaction.
 * A draft whose dedupe key was already made is skipped. Returns how many were made.
 */
export async function notify(tx: Tx, drafts: readonly NotificationDraft[]): Promise<number> {
  if (drafts.length === 0) return 0;
  const personIds = [...new Set(drafts.map((draft) => draft.personId))];
  const people = await tx.person.findMany({ where: { id: { in: personIds } }, select: { id: true, email: true, notificationPrefs: true } });
  const byId = new Map(people.map((person) => [person.id, person]));
  const created = await tx.notification.createManyAndReturn({
    data: drafts.map((draft) => {
      const person = byId.get(draft.personId);
      return { ...draft, emailState: person?.email ? emailStateFor(deliveryFor(draft.kind, person.notificationPrefs)) : "NONE" };
    }),
    skipDuplicates: true,
    select: { id: true, emailState: true },
  });
  for (const notification of created) {
    if (notification.emailState === "PENDING") await sendInTransaction(tx, QUEUES.notificationEmail, { notificationId: notification.id });
  }
  return created.length;
}

/** A team's sponsors today, with their side. */
export async function teamSponsors(tx: Tx, teamId: string, now = new Date()): Promise<Sponsor[]> {
  const grants = await tx.roleAssignment.findMany({
    where: { teamId, role: { in: ["UNION_SPONSOR", "MANAGEMENT_SPONSOR"] }, ...assignmentActiveOn(now) },
    select: { personId: true, role: true },
  });
  return grants.map((grant) => ({ personId: grant.personId, side: sponsorSideOf(grant.role)! }));
}

// ───────────────────────────── the inbox ─────────────────────────────

export async function markRead(actor: PersonActor, { notificationId }: { notificationId: string }): Promise<{ link: string | null }> {
  const notification = await prisma.notification.findFirst({ where: { id: notificationId, personId: actor.personId }, select: { link: true } });
  if (!notification) return { link: null };
  await prisma.notification.updateMany({ where: { id: notificationId, personId: actor.personId, readAt: null }, data: { readAt: new Date() } });
  return notification;
}

export async function markAllRead(actor: PersonActor): Promise<{ count: number }> {
  const { count } = await prisma.notification.updateMany({ where: { personId: actor.personId, readAt: null }, data: { readAt: new Date() } });
  return { count };
}

export async function savePreferences(actor: PersonActor, input: NotificationPreferencesInput): Promise<{ saved: true }> {
  await prisma.$transaction(async (tx) => {
    for (const kind of NOTIFICATION_KINDS) {
      const delivery = input[kind];
      await tx.notificationPreference.upsert({ where: { personId_kind: { personId: actor.personId, kind } }, create: { personId: actor.personId, kind, delivery }, update: { delivery } });
    }
    await recordAudit(tx, { actorId: actor.personId, action: "notifications.preferencesChanged", entityType: "Person", entityId: actor.personId, after: input });
  });
  return { saved: true };
}

// ───────────────────────────── email delivery (the worker) ─────────────────────────────

/** Sends one immediate notification's email. Throws when the mail server fails, so the queue retries. */
export async function deliverNotificationEmail(notificationId: string): Promise<void> {
  const notification = await prisma.notification.findUnique({ where: { id: notificationId }, include: { person: { select: { email: true, displayName: true } } } });
  if (!notification || notification.emailState !== "PENDING") return;
  const to = notification.person.email;
  const outcome = to
    ? await sendEmail({
        to,
        subject: notification.title,
        ...withUnsubscribe(notification.personId, `Hello ${notification.person.displayName},\n\n${notification.body}\n\n${appUrl(notification.link)}\n`),
      })
    : "notConfigured";
  if (outcome === "failed") throw new Error(`Emailing notification ${notificationId} failed; the queue retries it.`);
  await prisma.notification.updateMany({
    where: { id: notificationId, emailState: "PENDING" },
    data: outcome === "sent" ? { emailState: "SENT", emailedAt: new Date() } : { emailState: "NONE" },
  });
}

/**
 * The day's digest: one email per person listing their undelivered daily notifications.
 * Each person's day is claimed (DigestSent) in the transaction that sends it, so a second
 * worker running at the same moment waits for the claim and then skips that person; a
 * failed send rolls the claim back for the queue's retry. Returns how many were sent.
 */
export async function sendDailyDigests(now = new Date()): Promise<number> {
  const day = digestDay(now);
  const waiting = await prisma.notification.findMany({
    where: { emailState: "DAILY", createdAt: { lte: now } },
    distinct: ["personId"],
    select: { personId: true },
  });
  let sent = 0;
  let failed = 0;
  for (const { personId } of waiting) {
    const outcome = await prisma.$transaction(
      async (tx) => {
        const claimed = await tx.digestSent.createMany({ data: [{ personId, day }], skipDuplicates: true });
        if (claimed.count === 0) return "skipped";
        const person = await tx.person.findUniqueOrThrow({ where: { id: personId }, select: { email: true, displayName: true } });
        const items = await tx.notification.findMany({ where: { personId, emailState: "DAILY", createdAt: { lte: now } }, orderBy: { createdAt: "asc" } });
        if (!person.email || items.length === 0) return "skipped";
        const lines = items.map((item) => `• ${item.title}\n  ${item.body}\n  ${appUrl(item.link)}`);
        const result = await sendEmail({
          to: person.email,
          subject: `UBT Tracker: ${items.length} update${items.length === 1 ? "" : "s"} for you`,
          ...withUnsubscribe(personId, `Hello ${person.displayName},\n\nWhat happened since your last digest:\n\n${lines.join("\n\n")}\n\nYour inbox: ${appUrl("/notifications")}\n`),
        });
        if (result === "failed") throw new DigestFailed();
        if (result === "sent") await tx.notification.updateMany({ where: { id: { in: items.map((item) => item.id) } }, data: { emailState: "SENT", emailedAt: new Date() } });
        return result;
      },
      // The email is sent while the claim is held: allow for a slow mail server.
      { timeout: 60_000, maxWait: 60_000 },
    ).catch((error: unknown) => {
      if (error instanceof DigestFailed) return "failed";
      throw error;
    });
    if (outcome === "sent") sent += 1;
    if (outcome === "failed") failed += 1;
  }
  if (failed > 0) throw new Error(`${failed} digest email${failed === 1 ? "" : "s"} failed; the queue retries them (the ones sent are not sent again).`);
  return sent;
}

class DigestFailed extends Error {}

// ───────────────────────────── scheduled reminders ─────────────────────────────

/**
 * Daily: co-leads of projects past 90 days without an update, and sponsors of teams whose
 * rating is due; only people with an active sign-in account, who can read them.
 */
export async function sendDailyReminders(now = new Date()): Promise<number> {
  return (await remindStaleProjects(now)) + (await remindRatingsDue(now));
}

async function remindStaleProjects(now: Date): Promise<number> {
  const projects = await prisma.project.findMany({
    where: { status: { in: [...OPEN_STATUSES] }, lastActivityAt: { lt: staleBefore(now) }, team: { retiredQuarter: null } },
    select: { id: true, title: true, lastActivityAt: true, team: { select: { name: true, roleAssignments: { where: { role: { in: [...COLEAD_ROLES] }, ...assignmentActiveOn(now), person: { user: { disabled: false } } }, select: { personId: true } } } } },
  });
  const drafts = projects.flatMap((project) =>
    [...new Set(project.team.roleAssignments.map((grant) => grant.personId))].map((personId) => ({
      personId,
      kind: "PROJECT_STALE" as const,
      title: `"${project.title}" needs an update`,
      body: `The project "${project.title}" of ${project.team.name} has had no update for more than 90 days. Record where it stands.`,
      link: `/projects/${project.id}`,
      dedupeKey: projectStaleKey(personId, project.id, project.lastActivityAt),
    })),
  );
  return notifyInBatches(drafts);
}

/** Scheduled notifications in batches: each its own short transaction (a rerun skips the ones made, by their keys). */
async function notifyInBatches(drafts: readonly NotificationDraft[]): Promise<number> {
  let made = 0;
  for (let start = 0; start < drafts.length; start += 200) {
    made += await prisma.$transaction((tx) => notify(tx, drafts.slice(start, start + 200)));
  }
  return made;
}

async function remindRatingsDue(now: Date): Promise<number> {
  const quarter = quarterDueOn(now);
  if (!quarter) return 0;
  // Sponsors of operating teams whose quarterly rating of this quarter is not final yet.
  const rows = await prisma.$queryRaw<{ personId: string; teams: bigint }[]>(Prisma.sql`
    SELECT ra."personId", count(DISTINCT t.id) AS teams
    FROM "Team" t
    JOIN "RoleAssignment" ra ON ra."teamId" = t.id AND ra.role IN ('UNION_SPONSOR', 'MANAGEMENT_SPONSOR')
      AND ra."startDate" <= ${digestDay(now)} AND (ra."endDate" IS NULL OR ra."endDate" >= ${digestDay(now)})
    -- Only people who can sign in to read it.
    JOIN "User" u ON u."personId" = ra."personId" AND NOT u.disabled
    WHERE ${teamOperatesIn("t", quarter)}
      AND NOT EXISTS (SELECT 1 FROM "Rating" r WHERE r."teamId" = t.id AND r.quarter = ${quarter} AND r.kind = 'QUARTERLY' AND r.status = 'FINAL')
    GROUP BY ra."personId"`);
  const drafts = rows.map(({ personId, teams }) => ({
    personId,
    kind: "RATINGS_DUE" as const,
    title: `Ratings for ${formatQuarter(quarter)} are due`,
    body: `${teams} of your teams ${teams === 1n ? "has" : "have"} no final rating for ${formatQuarter(quarter)} yet; the quarter ends soon.`,
    link: "/",
    dedupeKey: ratingsDueKey(personId, quarter),
  }));
  return notifyInBatches(drafts);
}

// ───────────────────────────── unsubscribing ─────────────────────────────

/** An unsubscribe link's token: the person and when it was issued, signed with the app's secret. */
export function unsubscribeToken(personId: string, issuedAt = new Date()): string {
  const payload = Buffer.from(`${personId}.${issuedAt.getTime()}`).toString("base64url");
  return `${payload}.${sign(payload)}`;
}

function sign(payload: string): string {
  const secret = env().NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is needed to sign unsubscribe links.");
  return createHmac("sha256", secret).update(`unsubscribe:${payload}`).digest("base64url");
}

/**
 * The body's link opens a page that asks first (mail scanners open links). The header's
 * link takes mail programs' one-click unsubscribe (RFC 8058: a POST); opened, it goes to that page.
 */
function withUnsubscribe(personId: string, text: string): { text: string; headers: Record<string, string> } {
  const token = unsubscribeToken(personId);
  const page = appUrl(`/unsubscribe?token=${token}`);
  return {
    text: `${text}\n—\nStop these emails: ${page}\nOr choose what you get: ${appUrl("/account")}\n`,
    headers: { "List-Unsubscribe": `<${appUrl(`/api/unsubscribe?token=${token}`)}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
  };
}

export const UNUSABLE_LINK = "This unsubscribe link has been used or is not valid. Sign in and choose your emails on your account page.";

/** The person and moment a token names, when its signature holds. */
function readUnsubscribeToken(token: string): { personId: string; issuedAt: Date } | null {
  const [payload, signature, extra] = token.split(".");
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(sign(payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const [personId, issued] = Buffer.from(payload, "base64url").toString().split(".");
  const issuedAt = new Date(Number(issued));
  return personId && !Number.isNaN(issuedAt.getTime()) ? { personId, issuedAt } : null;
}

function stillUsable(issuedAt: Date) {
  return { OR: [{ unsubscribedAt: null }, { unsubscribedAt: { lt: issuedAt } }] };
}

/** Whose emails a link would stop (the public page asks before it does), or null when it is not (or no longer) valid. */
export async function getUnsubscribeState(token: string): Promise<{ displayName: string } | null> {
  const read = readUnsubscribeToken(token);
  if (!read) return null;
  return prisma.person.findFirst({ where: { id: read.personId, ...stillUsable(read.issuedAt) }, select: { displayName: true } });
}

/**
 * Turns every kind's email off for the token's person. A token works once: using one
 * records the moment, and tokens issued before it are refused.
 */
export async function unsubscribe({ token }: { token: string }): Promise<{ displayName: string }> {
  const read = readUnsubscribeToken(token);
  if (!read) throw new ConflictError(UNUSABLE_LINK);
  const { personId } = read;
  return prisma.$transaction(async (tx) => {
    // Claimed with the row's own condition, so two uses at once cannot both pass.
    const { count } = await tx.person.updateMany({ where: { id: personId, ...stillUsable(read.issuedAt) }, data: { unsubscribedAt: new Date() } });
    if (count === 0) throw new ConflictError(UNUSABLE_LINK);
    for (const kind of NOTIFICATION_KINDS) {
      await tx.notificationPreference.upsert({ where: { personId_kind: { personId, kind } }, create: { personId, kind, delivery: "OFF" }, update: { delivery: "OFF" } });
    }
    await tx.notification.updateMany({ where: { personId, emailState: { in: ["PENDING", "DAILY"] } }, data: { emailState: "NONE" } });
    await recordAudit(tx, { actorId: personId, action: "notifications.unsubscribed", entityType: "Person", entityId: personId });
    return tx.person.findUniqueOrThrow({ where: { id: personId }, select: { displayName: true } });
  });
}
