import { defineConfig } from "prisma/config";

// The database URL is resolved at run time (lib/db/url.ts); generate and validate need none.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
