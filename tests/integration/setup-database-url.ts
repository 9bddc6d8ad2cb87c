import { afterAll, inject } from "vitest";
import { createTemporaryDatabase } from "@/lib/db/temporary-database";

// Each test file gets a database of its own, a copy of the empty migrated template
// (resetToSeed() in tests/support/database.ts swaps in a copy of the seed), so files
// can run side by side. Set before any test module imports lib/db, which reads
// DATABASE_URL lazily.
const { serverUrl, prefix, emptyTemplate } = inject("testDatabases");
const database = await createTemporaryDatabase(serverUrl, `${prefix}_file`, { template: emptyTemplate });
process.env.DATABASE_URL = database.url;

afterAll(async () => {
  const { prisma } = await import("@/lib/db");
  await prisma.$disconnect();
  await database.drop();
});
