import "server-only";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/session";
import { getAdminScope } from "@/lib/data/admin";
import { AppError } from "@/lib/errors";

/** For the administration's route handlers, as the admin layout guards its pages: signed in, and an administrator somewhere. */
export async function requireRouteAdmin(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("Sign in first", 401);
  await getAdminScope(user);
  return user;
}
