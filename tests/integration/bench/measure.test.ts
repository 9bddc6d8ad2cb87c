import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AFTER_WRITE_SAMPLES, measureAfterWrite } from "@/lib/bench/measure";
import { resetToSeed } from "@/tests/support/database";

// A stand-in page that notes the figures' version each request arrives at: measureAfterWrite
// must move it before every timed request, so no kept roll-up can answer it.

let client: pg.Client;
let server: Server;
let url: string;
const versionsSeen: string[] = [];

beforeAll(async () => {
  await resetToSeed();
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  const reader = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await reader.connect();
  server = createServer((_request, response) => {
    void reader.query(`SELECT last_value::text AS version FROM "figures_version"`).then(({ rows }) => {
      versionsSeen.push((rows[0] as { version: string }).version);
      response.end("ok");
    });
  }).on("close", () => void reader.end());
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await client.end();
});

describe("measureAfterWrite", () => {
  it("moves the figures' version before each timed request", async () => {
    const timing = await measureAfterWrite(client, url, "");
    expect(versionsSeen).toHaveLength(AFTER_WRITE_SAMPLES);
    expect(new Set(versionsSeen).size).toBe(AFTER_WRITE_SAMPLES);
    expect(versionsSeen.map(BigInt)).toEqual([...versionsSeen.map(BigInt)].sort((a, b) => (a < b ? -1 : 1)));
    expect(timing.p50).toBeGreaterThan(0);
  });

  it("stops at an answer other than the page's status", async () => {
    await expect(measureAfterWrite(client, url, "", 307)).rejects.toThrow("HTTP 200 after a write");
  });
});
