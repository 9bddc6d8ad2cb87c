// Expected failures carry a message that is safe to show; anything else is logged
// and the user sees a generic message.

/** Messages by field path ("amount", "checks.3.evidence"), as a form shows them beside its fields. */
export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  constructor(
    message: string,
    readonly status: number,
    /** Set when the problem belongs to particular fields, so the form can show it beside them. */
    readonly fieldErrors: FieldErrors = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends AppError {
  constructor(message = "Not found") {
    super(message, 404);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = "You are not permitted to do this") {
    super(message, 403);
  }
}

export class InvalidInputError extends AppError {
  constructor(message: string, fieldErrors: FieldErrors = {}) {
    super(message, 422, fieldErrors);
  }
}

/** The record changed meanwhile, or already exists; `field` names the input that clashes (a duplicate name). */
export class ConflictError extends AppError {
  constructor(message: string, options: { field?: string } = {}) {
    super(message, 409, options.field ? { [options.field]: [message] } : {});
  }
}

export const DATABASE_UNAVAILABLE_MESSAGE = "The database is not answering right now. Nothing was saved; try again in a moment.";
/** Seconds a client is told to wait before retrying while the database is away (a restart takes a few). */
const DATABASE_RETRY_AFTER_SECONDS = 5;

/** PostgreSQL is down, restarting or unreachable: nothing the user did wrong, and worth retrying shortly. */
export class DatabaseUnavailableError extends AppError {
  constructor() {
    super(DATABASE_UNAVAILABLE_MESSAGE, 503);
  }
}

// The shapes a lost database takes, seen by stopping PostgreSQL under load: Prisma's own
// codes (P1001 can't reach, P1017 server closed the connection), adapter-pg's error kinds
// (in meta.driverAdapterError.cause), PostgreSQL's SQLSTATEs (class 08 connection exception;
// 57P01-57P03 shutting down, crashed, starting up) and node-postgres' socket errors.
const UNREACHABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1017"]);
const UNREACHABLE_ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout"]);
const UNREACHABLE_SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE"]);
const isUnreachableSqlState = (code: unknown) => typeof code === "string" && (/^08[0-9A-Z]{3}$/.test(code) || /^57P0[123]$/.test(code));

type ErrorShape = { code?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: unknown; code?: unknown } } } };

/** True when `error` (or what caused it) says the database could not be reached or dropped the connection. */
export function isDatabaseUnreachable(error: unknown): boolean {
  for (let current = error, depth = 0; current !== null && typeof current === "object" && depth < 5; depth += 1) {
    const { code, message, meta, cause } = current as ErrorShape;
    if (typeof code === "string" && (UNREACHABLE_PRISMA_CODES.has(code) || UNREACHABLE_SOCKET_CODES.has(code) || isUnreachableSqlState(code))) return true;
    const adapterCause = meta?.driverAdapterError?.cause;
    if (typeof adapterCause?.kind === "string" && UNREACHABLE_ADAPTER_KINDS.has(adapterCause.kind)) return true;
    if (adapterCause?.kind === "postgres" && isUnreachableSqlState(adapterCause.code)) return true;
    // node-postgres' own words when the server goes away mid-query; it gives no code.
    if (typeof message === "string" && /Connection terminated( unexpectedly|due to connection timeout)/.test(message)) return true;
    current = cause;
  }
  return false;
}

export const GENERIC_ERROR_MESSAGE = "Something went wrong on our side. Please try again.";

/** What may be said about `error`: its own AppError, the database's absence, or nothing (null: unexpected). */
function asAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  return isDatabaseUnreachable(error) ? new DatabaseUnavailableError() : null;
}

/** The message a user may see for any thrown value. */
export function publicMessage(error: unknown): string {
  const known = asAppError(error);
  // One line, not a stack per request: an outage fails every request the same way. (Prisma's
  // message ends with what the driver said.)
  if (known instanceof DatabaseUnavailableError) console.error(`Database unreachable: ${String(error instanceof Error ? error.message : error).trim().split("\n").at(-1)}`);
  if (known) return known.message;
  console.error(error);
  return GENERIC_ERROR_MESSAGE;
}

/** A route handler's refusal as JSON with its status; anything unexpected is logged and answered generically. */
export function errorResponse(error: unknown): Response {
  const status = asAppError(error)?.status ?? 500;
  const headers: HeadersInit = status === 503 ? { "Retry-After": String(DATABASE_RETRY_AFTER_SECONDS) } : {};
  return Response.json({ error: publicMessage(error) }, { status, headers });
}
