import "server-only";
import { prisma } from "@/lib/db";
import { digestDay, isDailyRunDue } from "@/lib/domain/notifications";

/**
 * Runs a daily job once per UTC day, at or after its time. The queue's cron ticks every
 * quarter of an hour rather than once at that time: pg-boss creates a cron job only when
 * its tick falls within a minute of it, so one late tick (or no worker then) would lose the
 * day. The day is marked done only once the work has finished, so a run that fails is
 * tried again at the next tick; both jobs are safe to repeat (reminders skip the ones made,
 * by their keys; the digest claims each person's day).
 * Returns what the work returned, or null when it was not due or already done today.
 */
export async function runOncePerDay(job: string, at: { hour: number; minute: number }, work: (now: Date) => Promise<number>, now: Date = new Date()): Promise<number | null> {
  if (!isDailyRunDue(now, at)) return null;
  const day = digestDay(now);
  if (await prisma.dailyJobRun.findUnique({ where: { job_day: { job, day } } })) return null;
  const result = await work(now);
  await prisma.dailyJobRun.createMany({ data: [{ job, day }], skipDuplicates: true });
  return result;
}
