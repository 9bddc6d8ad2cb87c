import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
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

  it("gives the owner a generated password kept beside the data (this user only), and refuses the old fixed one", async () => {
    const passwordFile = `${dataDir}-owner-password`;
    const database = await startEmbeddedPostgres({ persistent: true, dataDir });
    try {
      const password = readFileSync(passwordFile, "utf8");
      expect(password).toMatch(/^[\w-]{32}$/);
      expect(statSync(passwordFile).mode & 0o777).toBe(0o600);
      expect(new URL(database.url).password).toBe(password);
      await expect(query(withPassword(database.url, "postgres"), "SELECT 1")).rejects.toMatchObject({ code: "28P01" });
    } finally {
      await database.stop();
    }
  });

  it("changes the fixed password of a cluster made before passwords were generated on its next start", async () => {
    const passwordFile = `${dataDir}-owner-password`;
    const before = await startEmbeddedPostgres({ persistent: true, dataDir });
    // As such a cluster was: the owner's password "postgres", no kept password.
    await query(before.url, "ALTER ROLE postgres PASSWORD 'postgres'");
    await before.stop();
    rmSync(passwordFile);

    const after = await startEmbeddedPostgres({ persistent: true, dataDir });
    try {
      expect(new URL(after.url).password).toBe(readFileSync(passwordFile, "utf8"));
      expect(await query(after.url, `SELECT note FROM kept`)).toEqual([{ note: "added before the restart" }]);
      await expect(query(withPassword(after.url, "postgres"), "SELECT 1")).rejects.toMatchObject({ code: "28P01" });
    } finally {
      await after.stop();
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

function withPassword(url: string, password: string): string {
  const changed = new URL(url);
  changed.password = password;
  return changed.toString();
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
