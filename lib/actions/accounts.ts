"use server";

import { publicAction, userAction } from "@/lib/actions/runtime";
import { changePassword, deactivateAccount, inviteAccount, issuePasswordReset, reactivateAccount, setPassword } from "@/lib/services/accounts";
import { accountActionSchema, changePasswordSchema, setPasswordSchema } from "@/lib/validation/accounts";

/** An account's status shows on its person's page and in the people list. */
const accountPages = ({ personId }: { personId: string }) => [`/admin/people/${personId}`, "/admin/people"];

export const inviteAccountAction = userAction(accountActionSchema, inviteAccount, accountPages);

export const issuePasswordResetAction = userAction(accountActionSchema, issuePasswordReset, accountPages);

export const deactivateAccountAction = userAction(accountActionSchema, deactivateAccount, accountPages);

export const reactivateAccountAction = userAction(accountActionSchema, reactivateAccount, accountPages);

export const setPasswordAction = publicAction(setPasswordSchema, setPassword, accountPages, { goTo: () => "/login?notice=password-set" });

/** The account page lists the sessions the change ended. */
export const changePasswordAction = userAction(changePasswordSchema, changePassword, () => ["/account"]);
