import { z } from "zod";

/** "Sign out everywhere" takes nothing: it is always the signed-in person's own sessions. */
export const signOutEverywhereSchema = z.object({});
