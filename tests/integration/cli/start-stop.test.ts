import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import net from "node:net";
import { afterAll, describe, expect, it } from "vitest";

// `npm start --dev --ephemeral` for real (a dev server, so no production build): starting
// it takes a while on a busy machine, stopping it must not.

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function childrenOf(pid: number): number[] {
  const list = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim();
  return list ? list.split(" ").map(Number) : [];
}

function commandName(pid: number): string {
  return readFileSync(`/proc/${pid}/comm`, "utf8").trim();
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

async function waitForHealth(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 150_000;
  while (Date.now() < deadline && child.exitCode === null) {
    if (await fetch(`${url}/api/health`).then((response) => response.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`npm start did not become healthy:\n${output}`);
}

let output = "";
let app: ChildProcess | undefined;
afterAll(() => {
  if (app?.exitCode === null) app.kill("SIGKILL");
});

describe("npm start", () => {
  it("exits within seconds on SIGTERM after its database has died", async () => {
    const port = await freePort();
    const env: Record<string, string | undefined> = { ...process.env, PORT: String(port) };
    // The file's own test database must not be used: the app starts its own throwaway cluster.
    delete env.DATABASE_URL;
    // vitest's NODE_ENV=test would make `next dev` build into, and add to tsconfig.json, a directory of its own.
    delete env.NODE_ENV;
    // Node itself runs start.ts (no npx or tsx wrapper), so the signal reaches it and postgres is its child.
    const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "lib/cli/start.ts", "--dev", "--ephemeral"], {
      // Next types NODE_ENV as always set; start.ts runs without it, as under `npm start`.
      env: env as NodeJS.ProcessEnv,
      stdio: ["ignore", "pipe", "pipe"],
    });
    app = child;
    child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    await waitForHealth(`http://localhost:${port}`, child);

    const postgres = childrenOf(child.pid!).find((pid) => commandName(pid) === "postgres");
    expect(postgres, output).toBeDefined();
    process.kill(postgres!, "SIGKILL");
    await new Promise((resolve) => setTimeout(resolve, 500));

    const stopAsked = Date.now();
    child.kill("SIGTERM");
    const code = await exited(child);
    expect(Date.now() - stopAsked, output).toBeLessThan(8_000);
    expect(code).toBe(0);
    expect(output).toContain("The embedded database had already stopped.");
    expect(output).toContain("Stopped.");
  }, 200_000);
});
