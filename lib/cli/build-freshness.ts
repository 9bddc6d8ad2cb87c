import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

// Next's own entry point, run by this Node directly: no npx or shell in between, so
// stopping the child stops the server (or build) itself.
export const NEXT_BIN = createRequire(import.meta.url).resolve("next/dist/bin/next");

// What the production build is made from: a change to any of these needs a new build.
const BUILD_INPUTS = ["app", "components", "lib", "public", "proxy.ts", "instrumentation-client.ts", "next.config.ts", "postcss.config.mjs", "tsconfig.json", "package.json"];

function newestModification(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stats = statSync(entry);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(entry).reduce((newest, child) => Math.max(newest, newestModification(path.join(entry, child))), stats.mtimeMs);
}

/** True when `.next` holds a production build newer than every source it was built from. */
export function isBuildFresh(root: string): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return false;
  const builtAt = statSync(buildId).mtimeMs;
  return BUILD_INPUTS.every((input) => newestModification(path.join(root, input)) <= builtAt);
}

/**
 * `next build` into `.next`; `started` gets the child, so a caller that stops early
 * (npm start on Ctrl-C) can stop the build too.
 */
export function buildNext(env: NodeJS.ProcessEnv, started?: (child: ChildProcess) => void): Promise<void> {
  const child = spawn(process.execPath, [NEXT_BIN, "build"], { stdio: "inherit", env: { ...env, NODE_ENV: "production" } });
  started?.(child);
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error("`next build` failed; see the output above."))));
  });
}
