import autocannon from "autocannon";
import { percentile, type LoadFigures } from "./stats";

export type LoadRequest = { name: string; path: string; cookie: string };
export type LoadRun = LoadFigures & { durationSeconds: number; requests: number; p50Ms: number; p99Ms: number; timeouts: number };

/**
 * `connections` clients for `durationSeconds`, each cycling through the requests (each with
 * its own person's session) without pause. autocannon's own latency histogram has no p95, so
 * every response's time is kept and the percentiles are taken from them.
 */
export async function runLoad(baseUrl: string, requests: LoadRequest[], connections: number, durationSeconds: number): Promise<LoadRun> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: baseUrl,
        connections,
        duration: durationSeconds,
        // A request still unanswered after 10 s counts as an error (a timeout).
        timeout: 10,
        requests: requests.map((request) => ({ method: "GET", path: request.path, headers: { cookie: request.cookie } })),
      },
      (error, done) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(done)),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  const completed = latencies.length;
  return {
    connections,
    durationSeconds: result.duration,
    requests: completed,
    requestsPerSecond: result["2xx"] / result.duration,
    p50Ms: completed ? percentile(latencies, 50) : Number.NaN,
    p95Ms: completed ? percentile(latencies, 95) : Number.NaN,
    p99Ms: completed ? percentile(latencies, 99) : Number.NaN,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

/** A health check answered this fast, three times running, means the server has worked off what a load run left in flight. */
const QUIET_MS = 100;
const QUIET_WAIT_LIMIT_MS = 120_000;

/**
 * Waits until the server is quiet again: a load run ends with requests still in flight, and
 * whatever runs next (the next load run, Lighthouse) would otherwise be measured against them.
 * Gives up after two minutes, saying so.
 */
export async function waitForQuietServer(baseUrl: string): Promise<void> {
  const deadline = Date.now() + QUIET_WAIT_LIMIT_MS;
  let quietInARow = 0;
  while (quietInARow < 3) {
    if (Date.now() > deadline) {
      console.warn(`  The server was still busy ${QUIET_WAIT_LIMIT_MS / 1000} s after the load run; going on.`);
      return;
    }
    const started = performance.now();
    const ok = await fetch(`${baseUrl}/api/health`).then(async (response) => (await response.arrayBuffer(), response.ok), () => false);
    quietInARow = ok && performance.now() - started < QUIET_MS ? quietInARow + 1 : 0;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
