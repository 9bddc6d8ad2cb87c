import { describe, expect, it, vi } from "vitest";
import { DATABASE_UNAVAILABLE_MESSAGE, errorResponse, GENERIC_ERROR_MESSAGE, isDatabaseUnreachable, NotFoundError, publicMessage } from "@/lib/errors";

// The shapes a lost database took when PostgreSQL was stopped under load (tests/faults).
const adapterError = (code: string, cause: Record<string, unknown>) => Object.assign(new Error("Invalid invocation"), { code, meta: { driverAdapterError: { name: "DriverAdapterError", cause } } });
const unreachable = {
  "Prisma P1001 (nothing listening)": adapterError("P1001", { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5432 }),
  "a raw query's P2010 with the adapter's kind": adapterError("P2010", { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5432 }),
  "the connection closed mid-query": adapterError("P2010", { kind: "ConnectionClosed" }),
  "PostgreSQL shutting down (57P01)": adapterError("P2010", { kind: "postgres", code: "57P01", message: "terminating connection due to administrator command" }),
  "PostgreSQL starting up (57P03)": Object.assign(new Error("the database system is starting up"), { code: "57P03" }),
  "node-postgres' own words": new Error("Connection terminated unexpectedly"),
  "wrapped as a cause": new Error("Could not load the page", { cause: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }) }),
};
const notUnreachable = {
  "a unique violation": adapterError("P2002", { kind: "UniqueConstraintViolation" }),
  "another PostgreSQL error": adapterError("P2010", { kind: "postgres", code: "22P02", message: "invalid input syntax" }),
  "a bug": new TypeError("Cannot read properties of undefined"),
};

describe("a database that cannot be reached", () => {
  it.each(Object.entries(unreachable))("is recognised: %s", (_name, error) => {
    expect(isDatabaseUnreachable(error)).toBe(true);
  });

  it.each(Object.entries(notUnreachable))("is not confused with %s", (_name, error) => {
    expect(isDatabaseUnreachable(error)).toBe(false);
  });

  it("is told to the user, and to a route's client as 503 with Retry-After", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    expect(publicMessage(unreachable["Prisma P1001 (nothing listening)"])).toBe(DATABASE_UNAVAILABLE_MESSAGE);
    const response = errorResponse(unreachable["the connection closed mid-query"]);
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await response.json()).toEqual({ error: DATABASE_UNAVAILABLE_MESSAGE });
  });

  it("leaves other failures as they were: their own message, or the generic one as a 500", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    expect(errorResponse(new NotFoundError()).status).toBe(404);
    const response = errorResponse(notUnreachable["a bug"]);
    expect(response.status).toBe(500);
    expect(response.headers.get("retry-after")).toBeNull();
    expect(await response.json()).toEqual({ error: GENERIC_ERROR_MESSAGE });
  });
});
