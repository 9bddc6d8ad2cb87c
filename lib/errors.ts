// Expected failures carry a message that is safe to show; anything else is logged
// and the user sees a generic message.

export class AppError extends Error {
  constructor(
    message: string,
    readonly status: number,
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
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super(message, 422);
  }
}

export class ConflictError extends AppError {
  constructor(message: string) {
    super(message, 409);
  }
}

export const GENERIC_ERROR_MESSAGE = "Something went wrong on our side. Please try again.";

/** The message a user may see for any thrown value. */
export function publicMessage(error: unknown): string {
  if (error instanceof AppError) return error.message;
  console.error(error);
  return GENERIC_ERROR_MESSAGE;
}
