// Expected failures carry a message that is safe to show; anything else is logged
// and the user sees a generic message.

/** Messages by field path ("amount", "checks.3.evidence"), as a form shows them beside its fields. */
export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  constructor(
    message: string,
    readonly status: number,
    /** Set when the problem belongs to particular fields, so the form can show it beside them. */
    readonly fieldErrors: FieldErrors = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends AppError {
  constructor(message = "Not found") {
    super(message, 404);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = "You are not permitted to do this") {
    super(message, 403);
  }
}

export class InvalidInputError extends AppError {
  constructor(message: string, fieldErrors: FieldErrors = {}) {
    super(message, 422, fieldErrors);
  }
}

/** The record changed meanwhile, or already exists; `field` names the input that clashes (a duplicate name). */
export class ConflictError extends AppError {
  constructor(message: string, options: { field?: string } = {}) {
    super(message, 409, options.field ? { [options.field]: [message] } : {});
  }
}

export const GENERIC_ERROR_MESSAGE = "Something went wrong on our side. Please try again.";

/** The message a user may see for any thrown value. */
export function publicMessage(error: unknown): string {
  if (error instanceof AppError) return error.message;
  console.error(error);
  return GENERIC_ERROR_MESSAGE;
}

/** A route handler's refusal as JSON with its status; anything unexpected is logged and answered generically. */
export function errorResponse(error: unknown): Response {
  return Response.json({ error: publicMessage(error) }, { status: error instanceof AppError ? error.status : 500 });
}
