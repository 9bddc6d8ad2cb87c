import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createSafeActionClient, returnValidationErrors } from "next-safe-action";
import { z } from "zod";
import { runOnce } from "@/lib/actions/idempotency";
import { requireActionUser, type CurrentUser } from "@/lib/auth/session";
import { AppError, publicMessage } from "@/lib/errors";
import { toErrorTree } from "@/lib/validation/field-errors";

// The one action runtime (next-safe-action, as formbricks, dub and inbox-zero use):
// signed-in user → parse with the schema the form shares → service (which authorises,
// writes and audits) → revalidate the pages that show what changed.

const actionClient = createSafeActionClient({
  // Expected errors carry a message safe to show; anything else is logged and the user sees a generic one.
  handleServerError: (error) => publicMessage(error),
});

/** The signed-in user, read from the session on every call (never from the client); without one, a clear refusal. */
const userActionClient = actionClient.use(async ({ next }) => next({ ctx: { user: await requireActionUser() } }));

/**
 * A server action for a signed-in user. `run` gets the parsed, typed input; `changed`
 * names the paths whose pages show what it wrote (Next 16 answers any revalidation with the
 * current page fresh and drops the browser's copies of the others; the names say what an
 * action touches, for the day a page is cached). `goTo` sends the browser on to another
 * page afterwards (a new record's, or the list when the current page's record is gone),
 * from the server, so the current page is never shown again without its record.
 *
 * `idempotent` (a create's name, e.g. "project.create") makes a retry harmless: the form
 * sends an `idempotencyKey` with every submission, and a second request with the same key
 * gets the first one's result instead of writing again (lib/actions/idempotency.ts).
 */
export function userAction<S extends z.ZodType, T>(
  schema: S,
  run: (user: CurrentUser, input: z.output<S>) => Promise<T>,
  changed: (data: T, input: z.output<S>) => readonly string[],
  { goTo, idempotent }: { goTo?: (data: T) => string; idempotent?: string } = {},
) {
  if (!idempotent) {
    return userActionClient
      .inputSchema(schema)
      .action(async ({ parsedInput, ctx }) => settle(schema, parsedInput as z.output<S>, (input) => run(ctx.user, input), changed, goTo));
  }
  return userActionClient.inputSchema(z.intersection(schema, idempotencyKeySchema)).action(async ({ parsedInput, ctx }) => {
    const { idempotencyKey, ...input } = parsedInput as z.output<S> & IdempotencyKey;
    const write = (parsed: z.output<S>) => run(ctx.user, parsed);
    // Without a key (a caller other than the form layer) the write simply runs.
    const once = idempotencyKey
      ? (parsed: z.output<S>) => runOnce({ userId: ctx.user.id, key: idempotencyKey, action: idempotent, input: parsed }, () => write(parsed))
      : write;
    return settle(schema, input as z.output<S>, once, changed, goTo);
  });
}

/** What the form layer (components/form/use-action-form.ts) adds to every submission: one UUID per form instance, renewed after a success. */
const idempotencyKeySchema = z.object({ idempotencyKey: z.uuid({ error: "The form's request key is not valid: reload the page." }).optional() });
type IdempotencyKey = z.output<typeof idempotencyKeySchema>;

/**
 * A server action nobody is signed in for (setting a password through an emailed link, where
 * the link itself is the credential): the same parse, field errors and revalidation as
 * userAction, without a user, so the one runtime serves both.
 */
export function publicAction<S extends z.ZodType, T>(
  schema: S,
  run: (input: z.output<S>) => Promise<T>,
  changed: (data: T, input: z.output<S>) => readonly string[],
  { goTo }: { goTo?: (data: T) => string } = {},
) {
  return actionClient.inputSchema(schema).action(async ({ parsedInput }) => settle(schema, parsedInput as z.output<S>, run, changed, goTo));
}

/** Runs the service on the parsed input (the library types it through Standard Schema; it is the zod schema's output), then revalidates and sends the browser on. */
async function settle<S extends z.ZodType, T>(
  schema: S,
  input: z.output<S>,
  run: (input: z.output<S>) => Promise<T>,
  changed: (data: T, input: z.output<S>) => readonly string[],
  goTo: ((data: T) => string) | undefined,
): Promise<T> {
  const data = await run(input).catch(asFieldErrors(schema));
  for (const path of changed(data, input)) revalidatePath(path);
  if (goTo) redirect(goTo(data));
  return data;
}

/**
 * A service's refusal that names fields (a duplicate name, a quarter not begun yet) goes
 * back as validation errors, shown beside those fields like the schema's own; its message
 * also heads the form unless a field already says the same.
 */
function asFieldErrors(schema: z.ZodType) {
  return (error: unknown): never => {
    if (error instanceof AppError && Object.keys(error.fieldErrors).length > 0) {
      const saidByAField = Object.values(error.fieldErrors).some((messages) => messages.includes(error.message));
      returnValidationErrors(schema, toErrorTree(error.fieldErrors, saidByAField ? [] : [error.message]));
    }
    throw error;
  };
}
