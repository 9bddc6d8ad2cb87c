import { z } from "zod";
import { personIdSchema } from "@/lib/validation/people";

// Shared by the account controls on a person's page, the set-password form and lib/services/accounts.ts.

/** Invite, reset, deactivate and reactivate act on a person's account and need nothing else. */
export const accountActionSchema = z.object({ personId: personIdSchema });
export type AccountActionInput = z.output<typeof accountActionSchema>;

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;

/** A new password, typed twice (setting one through a link, or changing it on the account page). */
const newPasswordFields = {
  password: z
    .string({ error: "Choose a password" })
    .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters`)
    .max(PASSWORD_MAX_LENGTH, `Keep the password to ${PASSWORD_MAX_LENGTH} characters`),
  confirmPassword: z.string({ error: "Type the password again" }).min(1, "Type the password again"),
};

const typedTwice: [(input: { password: string; confirmPassword: string }) => boolean, { path: string[]; message: string }] = [
  (input) => input.password === input.confirmPassword,
  { path: ["confirmPassword"], message: "The two passwords differ: type the same password twice" },
];

export const setPasswordSchema = z
  .object({
    // Its format is not checked here: any link that does not match an issued one is "not valid", in one message.
    token: z.string({ error: "This link is not valid" }).min(1, "This link is not valid").max(200, "This link is not valid"),
    ...newPasswordFields,
  })
  .refine(...typedTwice);

export type SetPasswordInput = z.output<typeof setPasswordSchema>;

/** Changing one's own password on the account page: the current one proves it is the account's owner at the keyboard. */
export const changePasswordSchema = z
  .object({
    currentPassword: z
      .string({ error: "Type your current password" })
      .min(1, "Type your current password")
      .max(PASSWORD_MAX_LENGTH, "That is not your current password"),
    ...newPasswordFields,
  })
  .refine(...typedTwice)
  .refine((input) => input.password !== input.currentPassword, { path: ["password"], message: "Choose a new password: this one is your current password" });

export type ChangePasswordInput = z.output<typeof changePasswordSchema>;
