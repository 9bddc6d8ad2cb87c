import type { z } from "zod";
import { InvalidInputError, type FieldErrors } from "@/lib/errors";

/** Each issue's message under its field's path ("amount", "checks.3.evidence"); issues of the whole input under "". */
function issuesByField(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const fieldErrors: FieldErrors = {};
  for (const issue of issues) (fieldErrors[issue.path.join(".")] ??= []).push(issue.message);
  return fieldErrors;
}

/**
 * Parses with a shared schema where no action runtime does it for us (URL filters,
 * route handlers); invalid input becomes an InvalidInputError naming each field.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new InvalidInputError(result.error.issues[0]?.message ?? "The input is not valid", issuesByField(result.error.issues));
}
