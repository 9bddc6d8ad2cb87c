import type { ActionResult } from "@/lib/actions/result";

/**
 * The outcome of a criteria form, shown beside it. The error carries a test id because
 * Next's route announcer also has role="alert", so the role alone does not find it.
 */
export function FormFeedback({ id, result, success }: { id: string; result: ActionResult<unknown> | null; success?: string }) {
  if (result === null) return null;
  if (!result.ok) {
    return (
      <p id={id} role="alert" data-testid="form-error" className="mt-1 text-sm text-red-700">
        {result.error}
      </p>
    );
  }
  return success ? (
    <p id={id} role="status" className="mt-1 text-sm text-emerald-700">
      {success}
    </p>
  ) : null;
}
