"use client";

import { useEffect, useRef, useState } from "react";
import { useForm, type DefaultValues, type FieldValues, type Path, type UseFormReturn } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import type { FieldErrors } from "@/lib/errors";
import { fromErrorTree, toErrorTree, type ErrorTree } from "@/lib/validation/field-errors";

/** What a server action built by lib/actions/runtime.ts answers. */
export type ActionAnswer<Data> = { data?: Data; serverError?: string; validationErrors?: unknown } | undefined;

/** Asked before the action runs, for a step that cannot be undone. */
export type Confirmation = { title: string; description: string; confirmLabel: string; destructive?: boolean };

type Options<S extends z.ZodType, Data> = {
  /** The schema the action parses with: checked here first, so a mistake shows without a round trip. */
  schema: S;
  action: (input: z.input<S>) => Promise<ActionAnswer<Data>>;
  /** The fields' starting values, and the fixed ones no field shows (ids, the version being edited). */
  values: z.input<S>;
  /** Shown beside the button once the action succeeded, until the next edit. */
  success?: string;
  confirm?: Confirmation;
  /** Empty the form after success (a form that adds something); otherwise it keeps what was saved. */
  resetOnSuccess?: boolean;
  onSuccess?: (data: Data) => void;
  /**
   * Errors found before the form was sent, by field: a search read from the URL that the
   * page refused. Shown beside their fields like the server's, the first one focused.
   */
  errors?: FieldErrors;
};

const UNREACHABLE = "The server could not be reached. Check your connection and try again.";

export type ActionFormApi<V extends FieldValues = FieldValues> = {
  form: UseFormReturn<V>;
  formRef: React.RefObject<HTMLFormElement | null>;
  onSubmit: (event?: React.BaseSyntheticEvent) => Promise<void>;
  pending: boolean;
  formErrors: string[];
  succeeded: string | null;
  confirmation: (Confirmation & { open: boolean; onConfirm: () => void; onCancel: () => void }) | null;
};

/**
 * The one form layer: react-hook-form validates with the action's own schema; the
 * server's field errors land beside their fields (the first one focused) and the rest
 * above the button; pending and success states for the button to show.
 */
export function useActionForm<S extends z.ZodType<FieldValues, FieldValues>, Data>(options: Options<S, Data>): ActionFormApi<z.input<S>> {
  const { schema, action, values, success, confirm, resetOnSuccess = false, onSuccess, errors } = options;
  type Values = z.input<S>;
  const form = useForm<Values>({
    // raw: the action parses the values the person typed; sending the parsed ones would parse them twice.
    resolver: zodResolver(schema as never, undefined, { raw: true }) as never,
    defaultValues: values as DefaultValues<Values>,
    // Fresh values from the server (the next version after a save) replace the form's.
    values,
    resetOptions: { keepDirtyValues: false },
    shouldFocusError: true,
  });
  const formRef = useRef<HTMLFormElement>(null);
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [succeeded, setSucceeded] = useState<string | null>(null);
  const [awaitingConfirmation, setAwaitingConfirmation] = useState<Values | null>(null);
  const [pending, setPending] = useState(false);
  // A second press while the first is on its way is ignored (the button stays focusable, so it is not disabled).
  const inFlight = useRef(false);
  // One key per form instance, sent with every submission and renewed after a success: an
  // action that creates (userAction's `idempotent`) answers a resubmission after a lost
  // response with the first result instead of a second row; other actions' schemas drop it.
  const idempotencyKey = useRef<string | null>(null);

  // Editing again makes the last outcome stale.
  useEffect(() => {
    const subscription = form.watch((_values, { type }) => {
      if (type !== "change") return;
      setSucceeded(null);
      setFormErrors([]);
    });
    return () => subscription.unsubscribe();
  }, [form]);

  // After react-hook-form has taken in `values` (which clears errors), so they stay; again whenever the page sends others.
  const givenErrors = JSON.stringify(errors ?? {});
  const givenValues = JSON.stringify(values);
  useEffect(() => {
    const found = JSON.parse(givenErrors) as FieldErrors;
    if (Object.keys(found).length > 0) showErrors(toErrorTree(found));
    // showErrors is the same steps on every render; these two keys say when there is something new to show.
  }, [givenErrors, givenValues]);

  async function run(input: Values) {
    if (inFlight.current) return;
    inFlight.current = true;
    setPending(true);
    setFormErrors([]);
    setSucceeded(null);
    idempotencyKey.current ??= newRequestKey();
    const sent = { ...input, idempotencyKey: idempotencyKey.current };
    const answer: ActionAnswer<Data> = await action(sent).catch(() => ({ serverError: UNREACHABLE }));
    inFlight.current = false;
    setPending(false);
    if (answer?.validationErrors) return showErrors(answer.validationErrors as ErrorTree);
    if (answer?.serverError) return setFormErrors([answer.serverError]);
    idempotencyKey.current = null;
    if (resetOnSuccess) form.reset();
    setSucceeded(success ?? null);
    onSuccess?.(answer?.data as Data);
  }

  /** Beside each field the form shows; what no field shows (an id, the whole input), above the button. */
  function showErrors(tree: ErrorTree) {
    const { fields, form: whole } = fromErrorTree(tree);
    const unplaced: string[] = [];
    let focused = false;
    for (const [path, message] of Object.entries(fields)) {
      if (!formRef.current?.elements.namedItem(path)) {
        unplaced.push(message);
        continue;
      }
      form.setError(path as Path<Values>, { type: "server", message }, { shouldFocus: !focused });
      focused = true;
    }
    const messages = [...whole, ...unplaced];
    setFormErrors(messages.length > 0 || focused ? messages : ["The form could not be saved. Check the highlighted fields."]);
  }

  const onSubmit = form.handleSubmit((input) => (confirm ? setAwaitingConfirmation(input) : run(input)));

  return {
    form,
    formRef,
    onSubmit,
    pending,
    formErrors,
    succeeded,
    confirmation: confirm
      ? {
          ...confirm,
          open: awaitingConfirmation !== null,
          onConfirm: () => {
            const input = awaitingConfirmation;
            setAwaitingConfirmation(null);
            if (input) void run(input);
          },
          onCancel: () => setAwaitingConfirmation(null),
        }
      : null,
  };
}

/** A random (version 4) UUID; crypto.randomUUID exists only on HTTPS and localhost, getRandomValues everywhere. */
function newRequestKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
