import "server-only";
import type PgBoss from "pg-boss";
import { env } from "@/lib/env";
import { runOncePerDay } from "@/lib/jobs/daily";
import { createQueueClient, QUEUES } from "@/lib/jobs/queue";
import { extendEngagementAhead } from "@/lib/services/engagement";
import { deliverNotificationEmail, sendDailyDigests, sendDailyReminders } from "@/lib/services/notifications";

export type DailyTimes = Record<"reminders" | "digest" | "upkeep", { hour: number; minute: number }>;

/** Reminders first, so the digest of the same morning lists them. */
function dailyTimes(): DailyTimes {
  const hour = env().DIGEST_HOUR_UTC;
  return { reminders: { hour, minute: 0 }, digest: { hour, minute: 15 }, upkeep: { hour: 0, minute: 0 } };
}

/**
 * Starts a worker on the queue: immediate emails, the daily reminders, the daily
 * digest and the daily upkeep. Any number may run (beside several app instances): pg-boss hands each job to
 * one of them, and the digest claims each person's day in the database.
 */
export async function startWorker(databaseUrl: string, options: { pollingIntervalSeconds?: number; daily?: DailyTimes } = {}): Promise<PgBoss> {
  const boss = createQueueClient(databaseUrl, { worker: true });
  await boss.start();
  const polling = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 };
  await boss.work<{ notificationId: string }>(QUEUES.notificationEmail, polling, async (jobs) => {
    for (const job of jobs) await deliverNotificationEmail(job.data.notificationId);
  });
  const daily = options.daily ?? dailyTimes();
  await boss.work(QUEUES.dailyReminders, polling, async () => {
    const made = await runOncePerDay(QUEUES.dailyReminders, daily.reminders, sendDailyReminders);
    if (made !== null) console.log(`Daily reminders: ${made} notification${made === 1 ? "" : "s"}.`);
  });
  await boss.work(QUEUES.dailyDigest, polling, async () => {
    const sent = await runOncePerDay(QUEUES.dailyDigest, daily.digest, sendDailyDigests);
    if (sent !== null) console.log(`Daily digest: ${sent} email${sent === 1 ? "" : "s"} sent.`);
  });
  await boss.work(QUEUES.dailyUpkeep, polling, async () => {
    const teams = await runOncePerDay(QUEUES.dailyUpkeep, daily.upkeep, extendEngagementAhead);
    if (teams !== null) console.log(`Engagement extended to the quarters ahead for ${teams} team${teams === 1 ? "" : "s"}.`);
  });
  return boss;
}
