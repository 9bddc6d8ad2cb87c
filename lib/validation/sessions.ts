import { z } from "zod";

/** "Sign out everywhere" takes nothing: it is always the signed-in person's own sessions. */
export const signOutEverywhereSchema = z.object({});

/** Ending one of the person's other sessions, from the list on the account page. */
export const endSessionSchema = z.object({ sessionId: z.uuid({ error: "Choose a session from the list" }) });
export type EndSessionInput = z.output<typeof endSessionSchema>;
