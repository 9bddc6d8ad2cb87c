import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { createTemporaryDatabase, type TemporaryDatabase } from "@/lib/db/temporary-database";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/prisma/seed/demo-accounts";
import { SCALED_DATA_NOW } from "@/prisma/seed/generate";
import { loadScaledData } from "@/prisma/seed/load";
import { SEED_TABLES } from "@/prisma/seed/types";

// Fractions of the partnership (the command takes whole numbers only): about 76 and 152 teams.
const SMALL = 0.02;
const DOUBLE = 0.04;
const TABLES = SEED_TABLES.map(([, table]) => table);

const { serverUrl, prefix, emptyTemplate } = inject("testDatabases");
const databases: TemporaryDatabase[] = [];
let counts: { first: Record<string, number>; again: Record<string, number>; double: Record<string, number> };
let urls: { first: string; again: string; double: string };

async function loadInto(scale: number): Promise<{ url: string; counts: Record<string, number> }> {
  const database = await createTemporaryDatabase(serverUrl, `${prefix}_scaled`, { template: emptyTemplate });
  databases.push(database);
  return { url: database.url, counts: await loadScaledData(database.url, { scale, now: SCALED_DATA_NOW }) };
}

async function query<Row extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Row>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

/** Every table's rows, as one md5 each; the demo accounts' password hashes are salted, so left out. */
async function checksums(url: string): Promise<Record<string, string>> {
  const entries = await Promise.all(
    TABLES.map(async (table) => {
      const [row] = await query<{ checksum: string }>(
        url,
        `SELECT md5(string_agg(r, E'\\n' ORDER BY r)) AS checksum FROM (SELECT (to_jsonb(t) - 'passwordHash')::text AS r FROM "${table}" t) rows`,
      );
      return [table, row?.checksum ?? ""] as const;
    }),
  );
  return Object.fromEntries(entries);
}

beforeAll(async () => {
  const first = await loadInto(SMALL);
  const again = await loadInto(SMALL);
  const double = await loadInto(DOUBLE);
  counts = { first: first.counts, again: again.counts, double: double.counts };
  urls = { first: first.url, again: again.url, double: double.url };
});

afterAll(async () => {
  for (const database of databases) await database.drop();
});

describe("data at scale", () => {
  it("fills every table the seed fills, plus team rosters", () => {
    for (const table of TABLES) expect(counts.first[table], table).toBeGreaterThan(0);
  });

  it("makes identical data on every run of the same scale", async () => {
    expect(counts.again).toEqual(counts.first);
    expect(await checksums(urls.again)).toEqual(await checksums(urls.first));
  });

  it("grows linearly with the scale", () => {
    for (const table of ["Team", "TeamMember", "Rating", "RatingDimension", "RatingSignoff", "Project", "Measure", "DataPoint", "PdsaCycle", "SavingsEntry"]) {
      const ratio = (counts.double[table] ?? 0) / (counts.first[table] ?? 1);
      expect(ratio, table).toBeGreaterThan(1.7);
      expect(ratio, table).toBeLessThan(2.3);
    }
  });

  it("keeps forty quarters of ratings, laid out a quarter at a time in quarter order", async () => {
    // A row may fill space left at the end of an earlier quarter's last page, as in real use; by page, quarters follow in order.
    const pages = await query<{ quarter: string; page: number }>(
      urls.first,
      `SELECT quarter, avg((ctid::text::point)[0])::float AS page FROM "Rating" GROUP BY quarter ORDER BY quarter`,
    );
    expect(pages).toHaveLength(40);
    const byPage = [...pages].sort((a, b) => a.page - b.page).map(({ quarter }) => quarter);
    expect(byPage).toEqual(pages.map(({ quarter }) => quarter));
  });

  it("creates every demo account, signing in with the demo password", async () => {
    const users = await query<{ email: string; passwordHash: string }>(urls.first, `SELECT email, "passwordHash" FROM "User" ORDER BY email`);
    expect(users.map((user) => user.email)).toEqual(DEMO_ACCOUNTS.map((account) => account.email).sort());
    expect(await verifyPassword(DEMO_PASSWORD, users[0]?.passwordHash ?? "")).toBe(true);
  });
});
