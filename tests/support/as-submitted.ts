import type { z } from "zod";
import { parseInput } from "@/lib/validation/parse";

/**
 * A service as a form reaches it through the action runtime: the raw input parsed by
 * the action's own schema first (a refusal, an InvalidInputError naming each field),
 * then the service with the parsed input. Parse errors come back as rejections.
 */
export function asSubmitted<S extends z.ZodType, A, R>(schema: S, service: (actor: A, input: z.output<S>) => Promise<R>) {
  return async (actor: A, raw: unknown): Promise<R> => service(actor, parseInput(schema, raw));
}
