import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { requireActionUser, type CurrentUser } from "@/lib/auth/session";
import { AppError, InvalidInputError, publicMessage } from "@/lib/errors";

/** What every server action returns to its form: data, or a message safe to show plus field errors. */
export type ActionResult<T = null> =
  | { ok: true; data: T }
  | { ok: false; error: string; fieldErrors: Record<string, string[]> };

/** Runs an action's work, turning expected errors into results and hiding unexpected ones. */
export async function runAction<T>(work: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await work() };
  } catch (error) {
    const fieldErrors = error instanceof InvalidInputError ? error.fieldErrors : {};
    return { ok: false, error: error instanceof AppError ? error.message : publicMessage(error), fieldErrors };
  }
}

/** Parses input with a shared schema; invalid input becomes an InvalidInputError naming each field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const field = issue.path.length > 0 ? issue.path.join(".") : "form";
    (fieldErrors[field] ??= []).push(issue.message);
  }
  const first = result.error.issues[0];
  throw new InvalidInputError(first ? first.message : "The input is not valid", fieldErrors);
}

/**
 * The whole life of a server action: the signed-in user runs `work`, and on
 * success every page reads fresh data on its next request.
 */
export async function runUserAction<T>(work: (user: CurrentUser) => Promise<T>): Promise<ActionResult<T>> {
  const result = await runAction(async () => work(await requireActionUser()));
  if (result.ok) revalidatePath("/", "layout");
  return result;
}
