"use server";

import { userAction } from "@/lib/actions/runtime";
import { endSession, signOutEverywhere } from "@/lib/services/sessions";
import { endSessionSchema, signOutEverywhereSchema } from "@/lib/validation/sessions";

/** The browser goes to the sign-in page afterwards: no page of this session is shown again. */
export const signOutEverywhereAction = userAction(signOutEverywhereSchema, signOutEverywhere, () => []);

export const endSessionAction = userAction(endSessionSchema, endSession, () => ["/account"]);
