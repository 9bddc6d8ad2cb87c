import "server-only";
import { forbidden, notFound } from "next/navigation";
import { ForbiddenError, NotFoundError } from "@/lib/errors";

/**
 * The one page guard. A page loads through its data function, which already checks who
 * may see what; the guard turns that function's refusals into the answers a browser
 * understands: a record that does not exist is the 404 page, one the user may not see
 * the 403 page (the nearest forbidden.tsx, which says who may see it).
 */
export async function guardPage<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    if (error instanceof ForbiddenError) forbidden();
    throw error;
  }
}

