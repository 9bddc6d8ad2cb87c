import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "@/lib/free-port";
import { ensureProductionBuild, isPortInUse, pause } from "./support";

// `npm start --ephemeral` for real, stopped in every order: it must exit promptly and leave
// no PostgreSQL or web server behind, and its port free. It serves the production build the
// suite has made already (starting `next dev` would take far longer on this machine).

/** How long stopping may take, whatever was running. */
const STOP_WITHIN_MS = 8000;

function childrenOf(pid: number): number[] {
  try {
    const list = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim();
    return list ? list.split(" ").map(Number) : [];
  } catch {
    return [];
  }
}

function descendantsOf(pid: number): number[] {
  return childrenOf(pid).flatMap((child) => [child, ...descendantsOf(child)]);
}

/** A child can exit between being listed and being named (start-up runs short-lived helpers); it then has none. */
function commandName(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/comm`, "utf8").trim();
  } catch {
    return undefined;
  }
}

/** Running, not a zombie waiting to be reaped. */
function isAlive(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]![0] !== "Z";
  } catch {
    return false;
  }
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

class NpmStart {
  output = "";
  readonly child: ChildProcess;
  readonly url: string;

  constructor(readonly port: number) {
    const env: Record<string, string | undefined> = { ...process.env, PORT: String(port) };
    // The suite's own settings must not leak in: the app starts its own throwaway cluster,
    // and runs as `npm start` does, without vitest's NODE_ENV.
    delete env.DATABASE_URL;
    delete env.NODE_ENV;
    // Node itself runs start.ts (no npx or tsx wrapper), so signals reach it and its children are its own.
    this.child = spawn(process.execPath, ["--import", "tsx", "lib/cli/start.ts", "--ephemeral"], { env: env as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"] });
    this.child.stdout!.on("data", (chunk: Buffer) => (this.output += chunk.toString()));
    this.child.stderr!.on("data", (chunk: Buffer) => (this.output += chunk.toString()));
    this.url = `http://localhost:${port}`;
  }

  get descendants(): number[] {
    return descendantsOf(this.child.pid!);
  }

  postgres(): number | undefined {
    return childrenOf(this.child.pid!).find((pid) => commandName(pid) === "postgres");
  }

  // Start-up migrates and seeds a fresh database: seconds on an idle machine, minutes on a crowded one.
  async until(condition: () => boolean | Promise<boolean>, what: string, withinMs = 270_000): Promise<void> {
    const deadline = Date.now() + withinMs;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`npm start exited (${this.child.exitCode}) before ${what}:\n${this.output}`);
      if (await condition()) return;
      await pause(100);
    }
    throw new Error(`npm start: no ${what} within ${withinMs} ms:\n${this.output}`);
  }

  healthy(): Promise<void> {
    return this.until(() => fetch(`${this.url}/api/health`).then((response) => response.ok, () => false), "healthy server");
  }

  /** Sends the signals, then checks the exit: prompt, with nothing left running and the port free. */
  async stop(signals: NodeJS.Signals[], options: { between?: number } = {}): Promise<{ code: number | null; ms: number; leftRunning: string[] }> {
    const running = this.descendants;
    const asked = Date.now();
    for (const [index, signal] of signals.entries()) {
      if (index > 0) await pause(options.between ?? 100);
      this.child.kill(signal);
    }
    const code = await Promise.race([exited(this.child), pause(STOP_WITHIN_MS * 2).then(() => "hung" as const)]);
    const ms = Date.now() - asked;
    if (code === "hung") throw new Error(`npm start did not exit within ${STOP_WITHIN_MS * 2} ms:\n${this.output}`);
    // Children get a moment to finish dying after their parent has gone (they were all told to before).
    await pause(300);
    const leftRunning = running.filter(isAlive).map((pid) => `${pid} ${commandName(pid)}`);
    return { code, ms, leftRunning };
  }
}

let app: NpmStart | undefined;
afterEach(() => {
  // Whatever a failed test left: its own processes only, by pid.
  for (const pid of app ? [app.child.pid!, ...app.descendants] : []) if (isAlive(pid)) process.kill(pid, "SIGKILL");
  app = undefined;
});

beforeAll(async () => {
  await ensureProductionBuild();
}, 600_000);

async function started(): Promise<NpmStart> {
  app = new NpmStart(await freePort());
  await app.healthy();
  return app;
}

describe("npm start stops cleanly", () => {
  it("on SIGTERM while healthy: exit 0, no database or server left, port free", async () => {
    const running = await started();
    const { code, ms, leftRunning } = await running.stop(["SIGTERM"]);
    expect(leftRunning, running.output).toEqual([]);
    expect(code, running.output).toBe(0);
    expect(ms).toBeLessThan(STOP_WITHIN_MS);
    expect(await isPortInUse(running.port)).toBe(false);
  });

  it("on SIGINT while healthy, then more signals while stopping: no hang, exit 0, nothing left", async () => {
    const running = await started();
    const { code, ms, leftRunning } = await running.stop(["SIGINT", "SIGTERM", "SIGINT"], { between: 50 });
    expect(leftRunning, running.output).toEqual([]);
    expect(code, running.output).toBe(0);
    expect(ms).toBeLessThan(STOP_WITHIN_MS);
    expect(await isPortInUse(running.port)).toBe(false);
  });

  it("when the web server is killed: stops the database and exits non-zero", async () => {
    const running = await started();
    const server = childrenOf(running.child.pid!).find((pid) => pid !== running.postgres());
    expect(server, running.output).toBeDefined();
    const everything = running.descendants;
    const killedAt = Date.now();
    process.kill(server!, "SIGKILL");
    const code = await Promise.race([exited(running.child), pause(STOP_WITHIN_MS * 2).then(() => "hung" as const)]);
    expect(code, running.output).not.toBe("hung");
    expect(Date.now() - killedAt).toBeLessThan(STOP_WITHIN_MS);
    expect(code).not.toBe(0);
    await pause(300);
    expect(everything.filter(isAlive), running.output).toEqual([]);
    expect(await isPortInUse(running.port)).toBe(false);
  });

  it("when its database was killed first, then SIGTERM: exit 0 within seconds", async () => {
    const running = await started();
    process.kill(running.postgres()!, "SIGKILL");
    await pause(500);
    const { code, ms, leftRunning } = await running.stop(["SIGTERM"]);
    expect(leftRunning, running.output).toEqual([]);
    expect(code, running.output).toBe(0);
    expect(ms).toBeLessThan(STOP_WITHIN_MS);
    expect(running.output).toContain("The embedded database had already stopped.");
    expect(running.output).toContain("Stopped.");
  });

  it("on SIGTERM during start-up (the database running, being migrated and seeded): exit 0, nothing left", async () => {
    app = new NpmStart(await freePort());
    const running = app;
    await running.until(() => running.postgres() !== undefined, "database");
    const { code, ms, leftRunning } = await running.stop(["SIGTERM"]);
    expect(leftRunning, running.output).toEqual([]);
    expect(code, running.output).toBe(0);
    expect(ms).toBeLessThan(STOP_WITHIN_MS);
  });
});
