import { Prisma } from "@/lib/generated/prisma/client";

/** A unique constraint refused the write: two people created the same record at once. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
