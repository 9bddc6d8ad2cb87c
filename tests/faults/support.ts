import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, readFile, rm, chmod } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { buildNext, isBuildFresh, NEXT_BIN } from "@/lib/cli/build-freshness";
import { enableAppRoleLogin } from "@/lib/db/app-role";
import { startEmbeddedPostgres, type DatabaseHandle } from "@/lib/db/embedded-postgres";
import { migrateDatabase } from "@/lib/db/migrate-database";
import { freePort } from "@/lib/free-port";
import { DEMO_PASSWORD } from "@/prisma/seed/demo-accounts";
import { seedDatabase } from "@/prisma/seed/load";

// The fault tests run the real thing: a production `next start` over HTTP, on an embedded
// PostgreSQL of their own, on loopback ports the OS hands out.

const ROOT = process.cwd();

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));


/** True while something accepts connections on the loopback port. */
export function isPortInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

/**
 * An embedded cluster in a temp directory kept across stop/start (so PostgreSQL can be
 * restarted on the same port and data), migrated and seeded; the app connects as its own role.
 */
export async function startDatabase() {
  const parent = await mkdtemp(path.join(os.tmpdir(), "ubt-faults-"));
  await chmod(parent, 0o755);
  const dataDir = path.join(parent, "postgres");
  const port = await freePort();
  let handle: DatabaseHandle = await startEmbeddedPostgres({ persistent: true, dataDir, port });
  await migrateDatabase(handle.url);
  await seedDatabase(handle.url);
  const appUrl = await enableAppRoleLogin(handle.url, "faults-app-role-password");
  return {
    ownerUrl: handle.url,
    appUrl,
    stop: () => handle.stop(),
    async start() {
      handle = await startEmbeddedPostgres({ persistent: true, dataDir, port });
    },
    async remove() {
      await handle.stop().catch(() => undefined);
      await rm(parent, { recursive: true, force: true });
    },
  };
}

/** Builds the production app when the sources changed since the last build (as npm start does). */
export async function ensureProductionBuild(): Promise<void> {
  if (isBuildFresh(ROOT)) return;
  const env: Record<string, string | undefined> = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  delete env.DATABASE_URL;
  await buildNext(env as NodeJS.ProcessEnv);
}

/** `next start` on `port` against `databaseUrl`; its output is kept for failure messages. */
export class AppServer {
  process: ChildProcess | undefined;
  output = "";
  readonly url: string;
  // Fixed for the whole run, so session cookies survive the server's restart.
  private readonly secret = "faults-test-secret-faults-test-secret";

  constructor(
    readonly port: number,
    private readonly databaseUrl: string,
  ) {
    this.url = `http://localhost:${port}`;
  }

  async start(): Promise<void> {
    const env = {
      ...process.env,
      NODE_ENV: "production" as const,
      DATABASE_URL: this.databaseUrl,
      NEXTAUTH_SECRET: this.secret,
      NEXTAUTH_URL: this.url,
      NEXT_TELEMETRY_DISABLED: "1",
    };
    const child: ChildProcess = spawn(process.execPath, [NEXT_BIN, "start", "--port", String(this.port)], { env, stdio: ["ignore", "pipe", "pipe"] });
    this.process = child;
    child.stdout!.on("data", (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr!.on("data", (chunk: Buffer) => (this.output += chunk.toString()));
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}:\n${this.output}`);
      if (await fetch(`${this.url}/api/health`).then((response) => response.ok, () => false)) return;
      await pause(200);
    }
    throw new Error(`next start did not become healthy within a minute:\n${this.output}`);
  }

  /** The crash under test: no chance to finish anything. */
  async kill(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGKILL");
    await gone;
  }

  get alive(): boolean {
    return this.process !== undefined && this.process.exitCode === null && this.process.signalCode === null;
  }
}

function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]!);
}

/** Signs in over HTTP as the sign-in form does; answers the Cookie header of the session. */
export async function signIn(baseUrl: string, email: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookies = cookiesOf(csrf);
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookies.join("; ") },
    body: new URLSearchParams({ email, password: DEMO_PASSWORD, csrfToken, json: "true" }),
  });
  const cookies = cookiesOf(response);
  if (!cookies.some((cookie) => cookie.includes("session-token"))) throw new Error(`Signing in ${email} failed (HTTP ${response.status}).`);
  return [...csrfCookies, ...cookies].join("; ");
}

/** A server action's id in the production build, by the name it is exported under. */
export async function actionId(exportedName: string): Promise<string> {
  const manifest = JSON.parse(await readFile(path.join(ROOT, ".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === exportedName);
  if (!found) throw new Error(`No server action ${exportedName} in the build.`);
  return found[0];
}

/** React's reply encoding for a plain object of plain values: strings starting with "$" are escaped. */
function encodeReply(value: unknown): string {
  return JSON.stringify([value], (_key, item: unknown) => (typeof item === "string" && item.startsWith("$") ? `$${item}` : item));
}

export type ActionOutcome =
  /** The server answered: next-safe-action's result, or the page it sends the browser to. */
  | { answered: true; status: number; result?: { data?: unknown; validationErrors?: unknown; serverError?: string }; redirectTo?: string }
  /** No answer (the connection died, or it took longer than the bound). */
  | { answered: false; error: string };

/** Calls a server action over HTTP as the browser does: POST to a page with its id in `Next-Action`. */
export async function callAction(baseUrl: string, page: string, id: string, cookie: string, input: unknown, timeoutMs = 30_000): Promise<ActionOutcome> {
  try {
    const response = await fetch(`${baseUrl}${page}`, {
      method: "POST",
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
      headers: { "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component", Origin: baseUrl, cookie },
      body: encodeReply(input),
    });
    const body = await response.text();
    const redirectTo = response.headers.get("x-action-redirect") ?? undefined;
    const line = body.split("\n").find((candidate) => candidate.startsWith("1:"));
    const result = line ? (JSON.parse(line.slice(2)) as { data?: unknown; validationErrors?: unknown; serverError?: string }) : undefined;
    return { answered: true, status: response.status, result, redirectTo };
  } catch (error) {
    return { answered: false, error: error instanceof Error ? error.message : String(error) };
  }
}
