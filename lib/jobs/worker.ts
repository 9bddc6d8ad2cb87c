import "server-only";
import type PgBoss from "pg-boss";
import { createQueueClient, QUEUES } from "@/lib/jobs/queue";
import { deliverNotificationEmail, sendDailyDigests, sendDailyReminders } from "@/lib/services/notifications";

/**
 * Starts a worker on the queue: immediate emails, the daily reminders and the daily
 * digest. Any number may run (beside several app instances): pg-boss hands each job to
 * one of them, and the digest claims each person's day in the database.
 */
export async function startWorker(databaseUrl: string, options: { pollingIntervalSeconds?: number } = {}): Promise<PgBoss> {
  const boss = createQueueClient(databaseUrl, { worker: true });
  await boss.start();
  const polling = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 };
  await boss.work<{ notificationId: string }>(QUEUES.notificationEmail, polling, async (jobs) => {
    for (const job of jobs) await deliverNotificationEmail(job.data.notificationId);
  });
  await boss.work(QUEUES.dailyReminders, polling, async () => {
    const made = await sendDailyReminders();
    if (made > 0) console.log(`Daily reminders: ${made} notification${made === 1 ? "" : "s"}.`);
  });
  await boss.work(QUEUES.dailyDigest, polling, async () => {
    const sent = await sendDailyDigests();
    if (sent > 0) console.log(`Daily digest: ${sent} email${sent === 1 ? "" : "s"} sent.`);
  });
  return boss;
}
