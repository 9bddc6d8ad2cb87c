import type pg from "pg";
import type { FloorQuery } from "./pages";
import { percentiles, type Percentiles } from "./stats";

/** Warm-up runs before the timed ones: the first requests compile nothing in a production build, but fill caches and pools. */
export const WARM_UP_RUNS = 3;

export type PageTiming = Percentiles & { bytes: number; status: number; wholeFileMs?: number };

/** A full CSV export is a whole file (tens of MB at scale): fewer runs, timed to its first byte and to its end. */
export const DOWNLOAD_SAMPLES = 3;

/** One request, read to its last byte; its time in ms, its status and its (decoded) size. */
export async function timedGet(url: string, cookie: string): Promise<{ ms: number; status: number; bytes: number }> {
  const started = performance.now();
  const response = await fetch(url, { headers: { cookie }, redirect: "manual" });
  const body = await response.arrayBuffer();
  return { ms: performance.now() - started, status: response.status, bytes: body.byteLength };
}

/** Warm-up, then `samples` requests one after another; an answer other than the expected status stops the page with its status. */
export async function measurePage(url: string, cookie: string, samples: number, expectedStatus = 200): Promise<PageTiming> {
  const times: number[] = [];
  let bytes = 0;
  for (let run = 0; run < WARM_UP_RUNS + samples; run += 1) {
    const result = await timedGet(url, cookie);
    if (result.status !== expectedStatus) throw new Error(`HTTP ${result.status}`);
    if (run >= WARM_UP_RUNS) times.push(result.ms);
    bytes = result.bytes;
  }
  return { ...percentiles(times), bytes, status: expectedStatus };
}

/**
 * A streamed download: one warm-up, then up to DOWNLOAD_SAMPLES runs; the percentiles are
 * of the time to the first byte of the body (what a streamed export promises), with the
 * whole file's median time beside them.
 */
export async function measureDownload(url: string, cookie: string, samples: number): Promise<PageTiming> {
  const firstBytes: number[] = [];
  const wholes: number[] = [];
  let bytes = 0;
  for (let run = 0; run < 1 + Math.min(samples, DOWNLOAD_SAMPLES); run += 1) {
    const started = performance.now();
    const response = await fetch(url, { headers: { cookie } });
    if (response.status !== 200 || !response.body) throw new Error(`HTTP ${response.status}`);
    let firstByte: number | null = null;
    bytes = 0;
    const reader = response.body.getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      firstByte ??= performance.now() - started;
      bytes += chunk.value.byteLength;
    }
    if (run >= 1) {
      firstBytes.push(firstByte ?? performance.now() - started);
      wholes.push(performance.now() - started);
    }
  }
  return { ...percentiles(firstBytes), bytes, status: 200, wholeFileMs: percentiles(wholes).p50 };
}

/**
 * Requests timed each just after the figures' version moves, as it does after a write anywhere:
 * no roll-up kept by lib/data/figures-cache.ts can be used, so this is what a viewer waits when
 * the figures must be computed (the timed samples above, one after another with no write
 * between them, mostly reuse them).
 */
export const AFTER_WRITE_SAMPLES = 5;

export async function measureAfterWrite(client: pg.Client, url: string, cookie: string, expectedStatus = 200): Promise<Percentiles> {
  const times: number[] = [];
  for (let run = 0; run < AFTER_WRITE_SAMPLES; run += 1) {
    await client.query(`SELECT nextval('"figures_version"')`);
    const result = await timedGet(url, cookie);
    if (result.status !== expectedStatus) throw new Error(`HTTP ${result.status} after a write`);
    times.push(result.ms);
  }
  return percentiles(times);
}

/** The page's SQL floor: its queries one after another, warm-up first, timed together; null for a page with no figures. */
export async function measureFloor(client: pg.Client, queries: FloorQuery[], samples: number): Promise<Percentiles | null> {
  if (queries.length === 0) return null;
  const times: number[] = [];
  for (let run = 0; run < WARM_UP_RUNS + samples; run += 1) {
    const started = performance.now();
    for (const query of queries) await client.query(query.text, query.values);
    if (run >= WARM_UP_RUNS) times.push(performance.now() - started);
  }
  return percentiles(times);
}
