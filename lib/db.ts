import { AsyncLocalStorage } from "node:async_hooks";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Prisma } from "@/lib/generated/prisma/client";

// One client per process; Next's dev server reloads modules, so keep it on globalThis.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export function createPrismaClient(databaseUrl: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
}

function databaseUrlOrThrow(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start`, which provides one.");
  return url;
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
