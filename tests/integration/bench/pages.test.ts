import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { benchPages, discoverFixtures } from "@/lib/bench/pages";
import { resetToSeed } from "@/tests/support/database";

// The benchmark's SQL floors are hand-written beside the app's queries: run each one on the
// seed so a renamed column or a broken floor shows here, not an hour into a scale run.

let client: pg.Client;
beforeAll(async () => {
  await resetToSeed();
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
});
afterAll(() => client.end());

describe("benchPages' SQL floors", () => {
  it("finds its fixtures in the seed, and every floor query runs", async () => {
    const pages = benchPages(await discoverFixtures(client));
    expect(pages.length).toBeGreaterThan(30);
    for (const page of pages) {
      for (const query of page.floor) await expect(client.query(query.text, query.values), `${page.name}: ${query.text}`).resolves.toBeDefined();
    }
  });

  it("produces a whole export's rows in the database and sends back only their count and size", async () => {
    const projects = benchPages(await discoverFixtures(client)).find((page) => page.name === "export projects")!;
    const { rows } = await client.query(projects.floor[0]!.text, projects.floor[0]!.values);
    const [{ count }] = (await client.query(`SELECT count(*)::int AS count FROM "Project"`)).rows as [{ count: number }];
    expect(rows).toHaveLength(1);
    expect(Number(rows[0].rows)).toBe(count);
    expect(Number(rows[0].bytes)).toBeGreaterThan(count * 100);
  });
});
