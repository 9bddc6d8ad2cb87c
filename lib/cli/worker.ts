/**
 * The background worker (started by `npm start` beside the web server; run more for
 * more throughput): sends notification emails and runs the daily digest and reminders
 * from the PostgreSQL job queue. Connects with DATABASE_URL (the app role). Stops
 * cleanly on SIGINT/SIGTERM, letting jobs in hand finish.
 *   tsx --conditions=react-server lib/cli/worker.ts
 */
import { startWorker } from "@/lib/jobs/worker";

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error("✖ The worker needs DATABASE_URL.");
  process.exit(1);
}

const boss = await startWorker(databaseUrl);
console.log("Worker: waiting for notification jobs.");

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await boss.stop({ graceful: true, timeout: 10_000 });
  const { prisma } = await import("@/lib/db");
  await prisma.$disconnect();
  process.exit(0);
}
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
