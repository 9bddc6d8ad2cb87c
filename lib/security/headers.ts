/**
 * The security headers of every response. next.config.ts sends the fixed ones with every
 * response (static files included); proxy.ts adds the Content-Security-Policy with a fresh
 * nonce to every page and route (Next reads the nonce from the request's CSP header and
 * puts it on its own scripts), and next.config.ts gives the static files a nonce-less one.
 */

export type Header = { key: string; value: string };

export const CSP_HEADER = "Content-Security-Policy";

/** Features this app never uses, refused to it and to anything it might embed. */
const REFUSED_FEATURES = [
  "accelerometer",
  "camera",
  "display-capture",
  "geolocation",
  "gyroscope",
  "hid",
  "magnetometer",
  "microphone",
  "midi",
  "payment",
  "serial",
  "usb",
];

export const FIXED_SECURITY_HEADERS: readonly Header[] = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Permissions-Policy", value: REFUSED_FEATURES.map((feature) => `${feature}=()`).join(", ") },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** Two years, subdomains included; sent only over HTTPS, where a browser heeds it. */
export const STRICT_TRANSPORT_SECURITY: Header = { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" };

/**
 * The policy for one response. With a nonce, only scripts carrying it (and what they load:
 * 'strict-dynamic') run; without one (static files, which run no script) only the app's own files.
 * `development` allows eval, which React's development build and hot reloading need.
 */
export function contentSecurityPolicy({ nonce, development }: { nonce?: string; development: boolean }): string {
  const scripts = ["'self'", ...(nonce ? [`'nonce-${nonce}'`, "'strict-dynamic'"] : []), ...(development ? ["'unsafe-eval'"] : [])];
  return [
    "default-src 'self'",
    `script-src ${scripts.join(" ")}`,
    // Inline styles stay allowed: Recharts and React set style attributes, which a nonce cannot cover.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** A fresh, unguessable nonce (128 random bits, base64) for one response. */
export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

/** Whether the browser reached the app over HTTPS: directly, through a proxy that says so, or as NEXTAUTH_URL declares. */
export function servedOverHttps({ protocol, forwardedProto, appUrl }: { protocol: string; forwardedProto: string | null; appUrl: string | undefined }): boolean {
  const forwarded = forwardedProto?.split(",")[0]?.trim().toLowerCase();
  return protocol === "https:" || forwarded === "https" || Boolean(appUrl?.toLowerCase().startsWith("https://"));
}
