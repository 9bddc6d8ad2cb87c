"use server";

import { userAction } from "@/lib/actions/runtime";
import { signOutEverywhere } from "@/lib/services/sessions";
import { signOutEverywhereSchema } from "@/lib/validation/sessions";

/** No page shows sessions: the browser goes to the sign-in page afterwards. */
export const signOutEverywhereAction = userAction(signOutEverywhereSchema, signOutEverywhere, () => []);
