import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("the persistent embedded PostgreSQL (what npm start uses)", () => {
  const parent = mkdtempSync(path.join(os.tmpdir(), "ubt-persist-"));
  // mkdtemp makes 0700 directories; as root, postgres runs as another user that must traverse it.
  chmodSync(parent, 0o755);
  const dataDir = path.join(parent, "postgres");
  afterAll(() => rmSync(parent, { recursive: true, force: true }));

  it("keeps data across a stop and a restart", async () => {
    const first = await startEmbeddedPostgres({ persistent: true, dataDir });
    await query(first.url, `CREATE TABLE kept (note text); INSERT INTO kept VALUES ('added before the restart')`);
    await first.stop();

    const second = await startEmbeddedPostgres({ persistent: true, dataDir });
    try {
      expect(await query(second.url, `SELECT note FROM kept`)).toEqual([{ note: "added before the restart" }]);
    } finally {
      await second.stop();
    }
  });

  it("reuses a server already running on the same data directory", async () => {
    const running = await startEmbeddedPostgres({ persistent: true, dataDir });
    try {
      const attached = await startEmbeddedPostgres({ persistent: true, dataDir });
      expect(attached.url).toBe(running.url);
      await attached.stop(); // must leave the owner's server running
      expect(await query(running.url, `SELECT 1 AS ok`)).toEqual([{ ok: 1 }]);
    } finally {
      await running.stop();
    }
  });

  it("stops at once when postgres has already died, and still deletes a throwaway cluster", async () => {
    const throwawayDir = path.join(parent, "throwaway");
    const database = await startEmbeddedPostgres({ persistent: false, dataDir: throwawayDir });
    const postmasterPid = Number(readFileSync(path.join(throwawayDir, "postmaster.pid"), "utf8").split("\n")[0]);
    process.kill(postmasterPid, "SIGKILL");
    await expect.poll(() => isAlive(postmasterPid)).toBe(false);

    await database.stop();
    expect(existsSync(throwawayDir)).toBe(false);
  }, 30_000);
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
