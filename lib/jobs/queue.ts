// The PostgreSQL-backed job queue (pg-boss 10: the last line that runs on Node 20;
// 11 wants Node 22). Its schema belongs to the database owner, like the app's own
// tables: installQueue() runs beside the migrations, and the app role only uses it.
import PgBoss from "pg-boss";
import pg from "pg";
import { APP_ROLE } from "@/lib/db/app-role";
import type { Prisma } from "@/lib/generated/prisma/client";

export const QUEUE_SCHEMA = "pgboss";

export const QUEUES = {
  /** One immediate notification email; retried with backoff when the mail server fails. */
  notificationEmail: "notification-email",
  /** Once a day (DIGEST_HOUR_UTC, a quarter past): one email per person listing their undelivered daily notifications. */
  dailyDigest: "daily-digest",
  /** Once a day (DIGEST_HOUR_UTC): projects past 90 days without an update, and ratings due this quarter. */
  dailyReminders: "daily-reminders",
  /** Once a day (just after midnight UTC): the engagement pre-aggregate extended into a new quarter. */
  dailyUpkeep: "daily-upkeep",
} as const;


const RETRIES = { retryLimit: 5, retryDelay: 30, retryBackoff: true } as const;

/**
 * As the owner: creates or upgrades the queue's schema, its queues and the daily
 * schedules, and lets the app role use (not alter) them. Idempotent.
 */
export async function installQueue(ownerUrl: string): Promise<void> {
  const boss = new PgBoss({ connectionString: ownerUrl, schema: QUEUE_SCHEMA, supervise: false, schedule: false, max: 2 });
  boss.on("error", (error) => console.error("Job queue:", error));
  await boss.start();
  try {
    for (const name of Object.values(QUEUES)) {
      if (!(await boss.getQueue(name))) await boss.createQueue(name, { name, ...RETRIES });
    }
    // Every quarter of an hour; each tick runs the day's work once it is due (lib/jobs/daily.ts).
    for (const queue of [QUEUES.dailyReminders, QUEUES.dailyDigest, QUEUES.dailyUpkeep]) await boss.schedule(queue, "*/15 * * * *", {}, { tz: "UTC" });
  } finally {
    await boss.stop({ graceful: false });
  }
  await grantQueueToAppRole(ownerUrl);
}

async function grantQueueToAppRole(ownerUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    // A one-role setup (no ubt_app, see the app-role migration) has nothing to grant.
    const { rowCount } = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [APP_ROLE]);
    if (!rowCount) return;
    const role = client.escapeIdentifier(APP_ROLE);
    await client.query(`GRANT USAGE ON SCHEMA ${QUEUE_SCHEMA} TO ${role}`);
    await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${QUEUE_SCHEMA} TO ${role}`);
    await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${QUEUE_SCHEMA} TO ${role}`);
  } finally {
    await client.end();
  }
}

/** A queue client for the app role; `started` for a worker, or only for sending. */
export function createQueueClient(databaseUrl: string, options: { worker: boolean }): PgBoss {
  const boss = new PgBoss({
    connectionString: databaseUrl,
    schema: QUEUE_SCHEMA,
    // The owner installs and upgrades the schema; the app role may not.
    migrate: false,
    // Maintenance and the cron clock run in workers only; pg-boss lets one instance at a time do each.
    supervise: options.worker,
    schedule: options.worker,
  });
  // The message only: pg-boss reports each lost connection with the whole client object.
  boss.on("error", (error) => console.error(`Job queue: ${error instanceof Error ? error.message : String(error)}`));
  return boss;
}

let sender: PgBoss | undefined;

/**
 * Queues a job inside the caller's Prisma transaction, so it exists exactly when the
 * change that asked for it commits.
 */
export async function sendInTransaction(tx: Prisma.TransactionClient, queue: string, data: object): Promise<void> {
  // Only builds SQL here: the transaction's own connection runs it, so this client never connects.
  sender ??= createQueueClient(process.env.DATABASE_URL ?? "postgres://unused", { worker: false });
  await sender.send(queue, data as Record<string, unknown>, {
    db: {
      executeSql: async (text: string, values: unknown[]) => ({
        // Prisma binds plain objects as JSON only when they are given as text.
        rows: await tx.$queryRawUnsafe(text, ...values.map((value) => (value !== null && typeof value === "object" && !(value instanceof Date) ? JSON.stringify(value) : value))),
      }),
    },
  });
}
