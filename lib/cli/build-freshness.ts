import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

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
