import { z } from "zod";

// Read once and checked, so a misconfigured server fails at start with a clear message.
const envSchema = z
  .object({
    DATABASE_URL: z.string().url().optional(),
    /**
     * Read-only copies of the database (PostgreSQL streaming replicas), comma-separated: the
     * roll-ups, reports and exports read from them in turn; everything else uses DATABASE_URL.
     */
    DATABASE_REPLICA_URLS: z
      .string()
      .optional()
      .transform((list) => (list ?? "").split(",").map((url) => url.trim()).filter(Boolean))
      .pipe(z.array(z.string().regex(/^postgres(?:ql)?:\/\/\S+$/, "Each of DATABASE_REPLICA_URLS must be a postgresql:// URL"))),
    NEXTAUTH_SECRET: z.string().min(16, "NEXTAUTH_SECRET must be at least 16 characters").optional(),
    NEXTAUTH_URL: z.string().url().optional(),
    OIDC_ISSUER: z.string().url().optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    OIDC_DISPLAY_NAME: z.string().min(1).default("Single sign-on"),
    SMTP_URL: z
      .string()
      .url()
      .refine((url) => /^smtps?:\/\//.test(url), "SMTP_URL must start with smtp:// or smtps://")
      .optional(),
    SMTP_FROM: z.string().min(3).optional(),
    /** The hour (UTC) the daily reminders and, a quarter of an hour later, the daily digest go out. */
    DIGEST_HOUR_UTC: z.coerce.number().int().min(0).max(23).default(7),
    /** A signed-in session unused this long ends (sign in again). */
    SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(7 * 24 * 60).default(120),
    /**
     * How many reverse proxies in front of the app append to X-Forwarded-For: the client
     * address for sign-in throttling is read that many entries from the right. 0 (no proxy):
     * the address Next.js records from the connection.
     */
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
  })
  .refine(
    (env) => Boolean(env.OIDC_ISSUER) === Boolean(env.OIDC_CLIENT_ID) && Boolean(env.OIDC_ISSUER) === Boolean(env.OIDC_CLIENT_SECRET),
    { message: "Set all of OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET to enable single sign-on, or none of them" },
  )
  .refine((env) => Boolean(env.SMTP_URL) === Boolean(env.SMTP_FROM), {
    message: "Set both SMTP_URL and SMTP_FROM to send account emails, or neither",
  });

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  // Treat empty strings as unset: `.env` files often carry `KEY=`.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join(".") || "env"}: ${issue.message}`);
    throw new Error(`Invalid environment:\n  ${problems.join("\n  ")}`);
  }
  return result.data;
}

export function oidcConfig(current: Env = env()) {
  if (!current.OIDC_ISSUER || !current.OIDC_CLIENT_ID || !current.OIDC_CLIENT_SECRET) return null;
  return {
    issuer: current.OIDC_ISSUER.replace(/\/$/, ""),
    clientId: current.OIDC_CLIENT_ID,
    clientSecret: current.OIDC_CLIENT_SECRET,
    displayName: current.OIDC_DISPLAY_NAME,
  };
}

/** The mail server for account emails (invitations, password resets); null when none is configured. */
export function smtpConfig(current: Env = env()): { url: string; from: string } | null {
  if (!current.SMTP_URL || !current.SMTP_FROM) return null;
  return { url: current.SMTP_URL, from: current.SMTP_FROM };
}

/** An absolute address of the app, for links that leave it (emails): under NEXTAUTH_URL, which `npm start` always sets. */
export function appUrl(path: string, current: Env = env()): string {
  return new URL(path, current.NEXTAUTH_URL ?? "http://localhost:3000").toString();
}
