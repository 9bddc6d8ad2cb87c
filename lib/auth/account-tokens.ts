import { createHash, randomBytes } from "node:crypto";

/** A set-password link's secret: 32 random bytes, URL-safe. Only its hash is stored, so a copy of the database opens no account. */
export function newAccountToken(): string {
  return randomBytes(32).toString("base64url");
}

/** The SHA-256 of a token, in hex, as AccountToken.tokenHash keeps it. */
export function hashAccountToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
