import "server-only";
import { cache } from "react";
import type { Actor } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { todayUtc, toDayString } from "@/lib/validation/dates";

// Roll-ups read thousands of rows to show a few figures, and every viewer of the same place
// and quarter asks for the same ones. Every transaction that writes to a table the figures are
// read from draws a new figures' version first (migration 20261202154644_figures_version), so
// a roll-up computed at one version is right for as long as the version holds: this process
// keeps it and hands it to the next viewer with the same grants and arguments, and concurrent
// viewers share one computation. Nothing here is state: an instance that starts empty, or
// drops an entry, computes it again. The version is read from the primary; with read replicas
// the figures may come from one a moment behind, so no entry is used longer than a minute.

/** Entries kept per process, the least recently used dropped first: a region's figures are tens of kilobytes. */
export const FIGURES_CACHE_ENTRIES = 200;
/** The longest an entry is used, whatever the version. */
export const FIGURES_CACHE_MAX_AGE_MS = 60_000;
/** The advisory lock every writing transaction holds, shared, from its first write to its end (see the migration). */
const FIGURES_WRITERS_LOCK = 7210425;

type Entry = { value: Promise<unknown>; madeAt: number };
const globalForCache = globalThis as unknown as { figuresCache?: Map<string, Entry> };
const entries = (globalForCache.figuresCache ??= new Map<string, Entry>());

/**
 * The database (a new copy of it is another one) and its figures' version, read once per
 * request; then whether any writer is still open. An open writer may have drawn this version
 * with its data not yet visible, so figures computed now are used but not kept.
 */
const figuresVersion = cache(async (): Promise<{ version: string; keep: boolean }> => {
  const [row] = await prisma.$queryRaw<{ version: string }[]>`
    SELECT (SELECT oid FROM pg_database WHERE datname = current_database())::text || ':' || last_value::text AS version FROM "figures_version"`;
  const [writers] = await prisma.$queryRaw<{ open: boolean }[]>`
    SELECT EXISTS (
      SELECT 1 FROM pg_locks
      WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
        AND classid = 0 AND objid = ${Prisma.raw(String(FIGURES_WRITERS_LOCK))} AND objsubid = 1
    ) AS open`;
  return { version: row!.version, keep: !writers!.open };
});

/**
 * `compute` wrapped so that its result is kept per figures' version, day (the running
 * quarter's figures depend on it), the actor's grants (which decide what they may see) and
 * the arguments (which must be plain data). The result is shared: callers must not change it.
 */
export function cachedFigures<A extends unknown[], R>(
  name: string,
  compute: (actor: Actor, ...args: A) => Promise<R>,
): ((actor: Actor, ...args: A) => Promise<R>) & { uncached: (actor: Actor, ...args: A) => Promise<R> } {
  const cached = async (actor: Actor, ...args: A): Promise<R> => {
    const grants = actor.grants.map((grant) => `${grant.role}:${grant.regionId ?? ""}:${grant.teamId ?? ""}`).sort();
    const { version, keep } = await figuresVersion();
    const key = JSON.stringify([name, version, toDayString(todayUtc()), grants, args]);
    const now = Date.now();
    const kept = entries.get(key);
    if (kept && now - kept.madeAt < FIGURES_CACHE_MAX_AGE_MS) {
      entries.delete(key);
      entries.set(key, kept);
      return kept.value as Promise<R>;
    }
    const value = compute(actor, ...args);
    if (!keep) return value;
    entries.set(key, { value, madeAt: now });
    // A failure (a refusal, a bad filter) is not kept: the next caller asks again.
    value.catch(() => entries.get(key)?.value === value && entries.delete(key));
    for (const oldest of entries.keys()) {
      if (entries.size <= FIGURES_CACHE_ENTRIES) break;
      entries.delete(oldest);
    }
    return value;
  };
  return Object.assign(cached, { uncached: compute });
}
