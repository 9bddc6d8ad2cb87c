import { AsyncLocalStorage } from "node:async_hooks";
import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "@/lib/env";
import { PrismaClient, type Prisma } from "@/lib/generated/prisma/client";

// One client per process (and one per replica); Next's dev server reloads modules, so keep them on globalThis.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient; replicas?: PrismaClient[]; nextReplica?: number };

export function createPrismaClient(databaseUrl: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
}

function databaseUrlOrThrow(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start`, which provides one.");
  return url;
}

/**
 * For read-only queries that may run a moment behind the primary (so far the high-performing
 * table and trend, movement and the consultant's worklist): a client on each of DATABASE_REPLICA_URLS in turn, or `prisma`
 * when none is set or inside a transaction. Chosen per call site rather than with
 * @prisma/extension-read-replicas, which sends every read to a replica, including a
 * user's read right after their own write (a session just made, a rating just signed).
 */
export function replica(): PrismaClient {
  const urls = env().DATABASE_REPLICA_URLS;
  if (urls.length === 0 || enclosingTransaction.getStore()) return prisma;
  globalForPrisma.replicas ??= urls.map(createPrismaClient);
  const turn = globalForPrisma.nextReplica ?? 0;
  globalForPrisma.nextReplica = (turn + 1) % urls.length;
  return globalForPrisma.replicas[turn]!;
}

/** The transaction that `prisma` calls in this async context belong to (see inOneTransaction). */
const enclosingTransaction = new AsyncLocalStorage<Prisma.TransactionClient>();

export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  // Lazy, so importing this module (e.g. during `next build`) never needs a database.
  get(_target, property) {
    globalForPrisma.prisma ??= createPrismaClient(databaseUrlOrThrow());
    const transaction = enclosingTransaction.getStore();
    if (transaction) {
      // A service's own $transaction joins the enclosing one instead of committing on its own.
      if (property === "$transaction") return joinEnclosing(transaction);
      const value = Reflect.get(transaction, property);
      return typeof value === "function" ? value.bind(transaction) : value;
    }
    const value = Reflect.get(globalForPrisma.prisma, property);
    return typeof value === "function" ? value.bind(globalForPrisma.prisma) : value;
  },
});

/**
 * A nested $transaction as a savepoint: when it fails (a unique violation a service turns
 * into a friendly refusal), only its own part is undone and the enclosing transaction can
 * still run the queries that explain the refusal.
 */
function joinEnclosing(transaction: Prisma.TransactionClient) {
  return async (work: ((tx: Prisma.TransactionClient) => Promise<unknown>) | Promise<unknown>[]) => {
    await transaction.$executeRaw`SAVEPOINT joined_transaction`;
    try {
      const result = await (typeof work === "function" ? work(transaction) : Promise.all(work));
      await transaction.$executeRaw`RELEASE SAVEPOINT joined_transaction`;
      return result;
    } catch (error) {
      await transaction.$executeRaw`ROLLBACK TO SAVEPOINT joined_transaction`;
      throw error;
    }
  };
}

/**
 * Runs `work` as one transaction, including every `prisma` call it makes and the
 * services' own transactions: all of it is committed, or (on an error, or when the
 * process dies midway) none of it. Idempotent creates use it to record their key with the write.
 */
export function inOneTransaction<T>(work: () => Promise<T>, options: { maxWait: number; timeout: number }): Promise<T> {
  if (enclosingTransaction.getStore()) return work();
  return prisma.$transaction((transaction) => enclosingTransaction.run(transaction, work), options);
}
