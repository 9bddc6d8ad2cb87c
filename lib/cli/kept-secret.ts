import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * A secret generated once and kept with the local data in `<root>/.data` (git-ignored,
 * readable by this user only), so it survives restarts and every command that runs the app
 * on this checkout (npm start, npm run bench) uses the same one.
 */
export function keptSecret(root: string, fileName: string): string {
  const file = path.join(root, ".data", fileName);
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
