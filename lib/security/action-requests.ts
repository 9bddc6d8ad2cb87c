/**
 * Checks on server-action requests, made in proxy.ts before Next decodes them. Next answers a
 * foreign Origin, an oversized body and a body React cannot decode by throwing, which reaches
 * the client as a 500; refused here first, each is a 4xx with a message that says why.
 *
 * Every action in this app takes plain form values, which React's client sends as one JSON
 * array in a text body (never multipart: that is only for files, Maps, Sets and promises).
 */

/** Next's own limit for an action's body (`serverActions.bodySizeLimit`, left at its default). */
export const MAX_ACTION_BODY_BYTES = 1024 * 1024;

/** Deeper than any form's values; React decodes a reply recursively and overflows its stack on a very deep one. */
const MAX_REPLY_DEPTH = 32;

export type Refusal = { status: 400 | 403 | 413; message: string };

type RequestHead = { method: string; pathname: string; headers: Headers };

/**
 * Whether Next would decode this request as a server action (its own rule: a POST with a
 * Next-Action header, or any multipart POST to a page, which may be a form posted without
 * JavaScript). Route handlers under /api read their own bodies.
 */
export function isActionRequest({ method, pathname, headers }: RequestHead): boolean {
  if (method !== "POST" || pathname === "/api" || pathname.startsWith("/api/")) return false;
  return headers.has("next-action") || isMultipart(headers);
}

function isMultipart(headers: Headers): boolean {
  return headers.get("content-type")?.toLowerCase().startsWith("multipart/form-data") ?? false;
}

/**
 * The cross-site check Next makes, answered with 403 instead of Next's 500: the Origin's host
 * must be the first X-Forwarded-Host, else the Host. No Origin passes, as in Next (browsers
 * always send one on a POST; a hand-made request carries only credentials its sender has).
 */
export function refuseForeignOrigin(headers: Headers): Refusal | null {
  const origin = headers.get("origin");
  if (origin === null) return null;
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
  if (host && originHost(origin) === host) return null;
  return { status: 403, message: "This form was sent from another site. Open the page in this app and submit it there." };
}

function originHost(origin: string): string | null {
  if (origin === "null") return null;
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

const TOO_LARGE: Refusal = { status: 413, message: "The form sent more than 1 MB. Shorten the longest texts and submit again." };
const NOT_UNDERSTOOD: Refusal = { status: 400, message: "The form's data could not be read. Reload the page and submit again." };

/**
 * The declared size, before anything is read. A request without one is measured as it is
 * read (refuseActionBody): Next itself forwards an action to the worker that has it as a
 * streamed request without a Content-Length, and that request passes through proxy.ts too.
 */
export function refuseDeclaredSize(headers: Headers): Refusal | null {
  const declared = headers.get("content-length");
  if (declared === null) return null;
  if (!/^\d+$/.test(declared)) return { status: 400, message: "The request's Content-Length is not a number." };
  return Number(declared) > MAX_ACTION_BODY_BYTES ? TOO_LARGE : null;
}

/** A copy of the body, or null as soon as it is over the limit (never read whole). */
async function bodyWithin(request: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer> | null> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.clone().body?.getReader();
  for (let chunk = await reader?.read(); chunk && !chunk.done; chunk = await reader!.read()) {
    size += chunk.value.byteLength;
    if (size > maxBytes) {
      // Not awaited: a copy's cancel settles only once the original is cancelled too.
      void reader!.cancel();
      return null;
    }
    chunks.push(chunk.value);
  }
  const body = new Uint8Array(size);
  chunks.reduce((offset, chunk) => (body.set(chunk, offset), offset + chunk.byteLength), 0);
  return body;
}

/**
 * The body, read from a copy of the request (the action still gets the original) and within
 * the limit: a multipart form must parse (Next decodes those as forms posted without
 * JavaScript), and an action call must be what React's client sends for plain values (see
 * refuseReply).
 */
export async function refuseActionBody(request: Request): Promise<Refusal | null> {
  const body = await bodyWithin(request, MAX_ACTION_BODY_BYTES);
  if (body === null) return TOO_LARGE;
  const multipart = isMultipart(request.headers);
  if (!request.headers.has("next-action")) {
    const form = new Response(body, { headers: { "content-type": request.headers.get("content-type") ?? "" } });
    return (await form.formData().then(() => true, () => false)) ? null : NOT_UNDERSTOOD;
  }
  return multipart ? NOT_UNDERSTOOD : refuseReply(new TextDecoder().decode(body));
}

// PostgreSQL cannot store text holding NUL: a value with one fails as a server error wherever
// an action writes or compares it. No one types it; refused here for every action at once.
const HOLDS_NUL: Refusal = { status: 400, message: "The form holds a NUL character (\\0), which cannot be saved. Remove it and submit again." };

/**
 * An action call's text body as React's client encodes plain values: a JSON array (the
 * arguments), not nested deeper than a form's values, with no NUL in its text, whose strings
 * starting with "$" are only the escapes plain values produce. Any other "$" string is a reference to a part the
 * body does not have (a promise, a Map, a stream…): React's decoder throws on those, or
 * overflows its stack on a deep one.
 */
export function refuseReply(body: string): Refusal | null {
  let root: unknown;
  try {
    root = JSON.parse(body);
  } catch {
    return NOT_UNDERSTOOD;
  }
  if (!Array.isArray(root)) return NOT_UNDERSTOOD;
  const pending: { value: unknown; depth: number }[] = [{ value: root, depth: 1 }];
  while (pending.length > 0) {
    const { value, depth } = pending.pop()!;
    if (typeof value === "string" && value.includes("\u0000")) return HOLDS_NUL;
    if (typeof value === "string" && !isPlainValueString(value, root)) return NOT_UNDERSTOOD;
    if (typeof value !== "object" || value === null) continue;
    if (depth > MAX_REPLY_DEPTH) return NOT_UNDERSTOOD;
    for (const [key, inner] of Object.entries(value)) {
      if (key.includes("\u0000")) return HOLDS_NUL;
      pending.push({ value: inner, depth: depth + 1 });
    }
  }
  return null;
}

/**
 * "$$…" (a string that began with "$"), "$undefined", the numbers JSON lacks, "$D…" (a date),
 * "$n…" (a BigInt), or "$0:key:…": the path of an object that appears twice in the values,
 * which must lead to an object earlier in the same body.
 */
const PLAIN_ESCAPE = /^\$(?:\$|D|undefined$|NaN$|Infinity$|-Infinity$|-0$|n-?\d+$)/;
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

function isPlainValueString(text: string, root: unknown): boolean {
  if (!text.startsWith("$") || PLAIN_ESCAPE.test(text)) return true;
  if (!text.startsWith("$0:")) return false;
  let target: unknown = root;
  for (const key of text.slice(3).split(":")) {
    if (typeof target !== "object" || target === null || FORBIDDEN_KEYS.has(key) || !Object.hasOwn(target, key)) return false;
    target = (target as Record<string, unknown>)[key];
  }
  return typeof target === "object" && target !== null;
}

/** The first reason to refuse an action request before Next decodes it, if any. */
export async function refuseActionRequest(request: Request): Promise<Refusal | null> {
  return refuseForeignOrigin(request.headers) ?? refuseDeclaredSize(request.headers) ?? (await refuseActionBody(request));
}
