import "server-only";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/session";
import { getAdminScope } from "@/lib/data/admin";
import { AppError, publicMessage } from "@/lib/errors";

/** For the administration's route handlers, as the admin layout guards its pages: signed in, and an administrator somewhere. */
export async function requireRouteAdmin(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("Sign in first", 401);
  await getAdminScope(user);
  return user;
}

/** A route's refusal as JSON with its status; anything unexpected is logged and answered generically. */
export function errorResponse(error: unknown): Response {
  return Response.json({ error: publicMessage(error) }, { status: error instanceof AppError ? error.status : 500 });
}
