import { applyMigrations } from "@/lib/db/schema-engine";
import { installQueue } from "@/lib/jobs/queue";

/**
 * As the owner: the app's migrations, then the job queue's schema (pg-boss keeps its own,
 * outside Prisma's migrations). Every path that readies a database goes through here.
 * Returns the migrations applied.
 */
export async function migrateDatabase(ownerUrl: string): Promise<string[]> {
  const applied = await applyMigrations(ownerUrl);
  await installQueue(ownerUrl);
  return applied;
}
