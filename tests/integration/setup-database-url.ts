import { inject } from "vitest";

// Before any test module imports lib/db, which reads DATABASE_URL lazily.
process.env.DATABASE_URL = inject("databaseUrl");
