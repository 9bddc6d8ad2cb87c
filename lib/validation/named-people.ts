import { z } from "zod";

/**
 * People named on a record (ticked in a roster checklist): ids, each once; none is an
 * empty list. A checklist of one box posts its value alone, or false when unticked.
 */
export function namedPeopleSchema(message: string) {
  return z.preprocess(
    (value) => (typeof value === "string" ? [value] : value === false ? [] : value),
    z
      .array(z.uuid({ error: message }), { error: message })
      .max(500, "Name at most 500 people")
      .default([])
      .transform((ids) => [...new Set(ids)]),
  );
}

/** One person chosen in a select; blank is nobody. */
export function optionalPersonSchema(message: string) {
  return z.preprocess((value) => (value === "" || value === null ? undefined : value), z.uuid({ error: message }).optional());
}
