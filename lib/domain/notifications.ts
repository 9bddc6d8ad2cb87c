// Who is told what: pure rules, so they are unit-tested without a database. The
// services and the daily jobs gather the people and the facts; these decide.
import type { NotificationDelivery, NotificationEmailState, NotificationKind, SponsorSide } from "@/lib/generated/prisma/enums";
import { quarterBounds, quarterOf, type Quarter } from "@/lib/domain/quarter";

export const NOTIFICATION_KINDS: readonly NotificationKind[] = [
  "RATING_AWAITS_SIGNATURE",
  "SIGNED_RATING_CHANGED",
  "SAVINGS_REVIEWED",
  "PROJECT_STALE",
  "RATINGS_DUE",
];

export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  RATING_AWAITS_SIGNATURE: "A rating awaits your signature",
  SIGNED_RATING_CHANGED: "A rating you signed was changed, disputed or reopened",
  SAVINGS_REVIEWED: "Your savings entry was validated or rejected",
  PROJECT_STALE: "A project of your team passed 90 days without an update",
  RATINGS_DUE: "Ratings of your teams are due",
};

/**
 * Without a preference: what asks the person to act now comes at once, the rest in the
 * daily digest.
 */
export const DEFAULT_DELIVERY: Record<NotificationKind, NotificationDelivery> = {
  RATING_AWAITS_SIGNATURE: "IMMEDIATE",
  SIGNED_RATING_CHANGED: "DAILY",
  SAVINGS_REVIEWED: "DAILY",
  PROJECT_STALE: "DAILY",
  RATINGS_DUE: "DAILY",
};

export const DELIVERY_LABELS: Record<NotificationDelivery, string> = { IMMEDIATE: "Immediately", DAILY: "Daily digest", OFF: "Off" };

export type Preference = { kind: NotificationKind; delivery: NotificationDelivery };

export function deliveryFor(kind: NotificationKind, preferences: readonly Preference[]): NotificationDelivery {
  return preferences.find((preference) => preference.kind === kind)?.delivery ?? DEFAULT_DELIVERY[kind];
}

/** A notification's email, fixed when it is made from the person's preference then. */
export function emailStateFor(delivery: NotificationDelivery): NotificationEmailState {
  if (delivery === "IMMEDIATE") return "PENDING";
  return delivery === "DAILY" ? "DAILY" : "NONE";
}

/** Each person once, and never the one who acted: nobody is told of their own change. */
export function recipients(personIds: Iterable<string>, actorId: string): string[] {
  return [...new Set(personIds)].filter((personId) => personId !== actorId);
}

export type Sponsor = { personId: string; side: SponsorSide };

/** One side signed and the rating now waits for the other: that side's sponsors are asked. */
export function awaitingSignatureRecipients(sponsors: readonly Sponsor[], sidesAwaiting: readonly SponsorSide[], actorId: string): string[] {
  return recipients(
    sponsors.filter((sponsor) => sidesAwaiting.includes(sponsor.side)).map((sponsor) => sponsor.personId),
    actorId,
  );
}

/** The people whose signature a change voided (or a dispute stands against) are told. */
export function signersToTell(signatures: readonly { personId: string; decision: "SIGNED" | "DISAGREED" }[], actorId: string): string[] {
  return recipients(
    signatures.filter((signature) => signature.decision === "SIGNED").map((signature) => signature.personId),
    actorId,
  );
}

/** Ratings are due in the last 45 days of the quarter. */
export const RATINGS_DUE_WINDOW_DAYS = 45;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The quarter whose ratings are due on this day, or null outside its last 45 days. */
export function quarterDueOn(now: Date): Quarter | null {
  const quarter = quarterOf(now);
  const daysLeft = (quarterBounds(quarter).end.getTime() - now.getTime()) / DAY_MS;
  return daysLeft <= RATINGS_DUE_WINDOW_DAYS ? quarter : null;
}

/** Once per person per quarter. */
export function ratingsDueKey(personId: string, quarter: Quarter): string {
  return `ratings-due:${quarter}:${personId}`;
}

/**
 * Once per project per stale spell: the spell is named by the project's last update,
 * so an update followed by another 90 quiet days tells the co-leads again.
 */
export function projectStaleKey(personId: string, projectId: string, lastActivityAt: Date): string {
  return `project-stale:${projectId}:${lastActivityAt.toISOString()}:${personId}`;
}

/**
 * Whether a daily job is due: from its time of day (UTC) to the day's end. The queue asks
 * every quarter of an hour, so a missed tick, or a worker down at that time, only delays it.
 */
export function isDailyRunDue(now: Date, at: { hour: number; minute: number }): boolean {
  return now.getUTCHours() * 60 + now.getUTCMinutes() >= at.hour * 60 + at.minute;
}

/** The UTC calendar day a digest belongs to. */
export function digestDay(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}
