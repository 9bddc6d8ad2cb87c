import { randomBytes, scrypt as scryptCallback, timingSafeEqual } from "node:crypto";
import { availableParallelism } from "node:os";
import { promisify } from "node:util";
import { createLimiter, QueueFullError } from "@/lib/concurrency";
import { BUSY_MESSAGE } from "@/lib/domain/sign-in-throttle";
import { AppError } from "@/lib/errors";

type ScryptOptions = { N: number; r: number; p: number; maxmem: number };
const scryptUnbounded = promisify(scryptCallback) as (password: string, salt: Buffer, keyLength: number, options: ScryptOptions) => Promise<Buffer>;

/** The password checks are full for now: said at once, rather than queueing without bound. */
export class HashingBusyError extends AppError {
  constructor() {
    super(BUSY_MESSAGE, 503);
  }
}

// Each hash costs ~32 MiB and a core for ~0.1 s: at most half the cores hash at once, each
// resting as long as a hash takes between two, so a flood of sign-ins (even from many
// addresses, past the throttle) takes at most a quarter of the machine and leaves the rest
// to signed-in people; that still checks a few passwords a second per slot, ample for
// people signing in. A short queue absorbs a burst; beyond it the answer is "busy".
const hashing = createLimiter({ limit: Math.max(1, Math.floor(availableParallelism() / 2)), queueLimit: 8, restMs: 100 });

async function scrypt(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  try {
    return await hashing.run(() => scryptUnbounded(password, salt, keyLength, options));
  } catch (error) {
    if (error instanceof QueueFullError) throw new HashingBusyError();
    throw error;
  }
}

// scrypt is Node's built-in slow, memory-hard hash: no native add-on to install.
const PARAMS = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_LENGTH = 32;

/** Encoded as `scrypt$N$r$p$salt$hash` (base64url) so parameters can change later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scrypt(password.normalize("NFKC"), salt, KEY_LENGTH, PARAMS);
  return ["scrypt", PARAMS.N, PARAMS.r, PARAMS.p, salt.toString("base64url"), hash.toString("base64url")].join("$");
}

export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const [scheme, n, r, p, saltText, hashText] = encoded.split("$");
  if (scheme !== "scrypt" || !n || !r || !p || !saltText || !hashText) return false;
  const expected = Buffer.from(hashText, "base64url");
  const actual = await scrypt(password.normalize("NFKC"), Buffer.from(saltText, "base64url"), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: PARAMS.maxmem,
  });
  return timingSafeEqual(actual, expected);
}
