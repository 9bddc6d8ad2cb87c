import { z } from "zod";
import { personIdSchema } from "@/lib/validation/people";

// Shared by the account controls on a person's page, the set-password form and lib/services/accounts.ts.

/** Invite, reset, deactivate and reactivate act on a person's account and need nothing else. */
export const accountActionSchema = z.object({ personId: personIdSchema });
export type AccountActionInput = z.output<typeof accountActionSchema>;

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;

export const setPasswordSchema = z
  .object({
    // Its format is not checked here: any link that does not match an issued one is "not valid", in one message.
    token: z.string({ error: "This link is not valid" }).min(1, "This link is not valid").max(200, "This link is not valid"),
    password: z
      .string({ error: "Choose a password" })
      .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters`)
      .max(PASSWORD_MAX_LENGTH, `Keep the password to ${PASSWORD_MAX_LENGTH} characters`),
    confirmPassword: z.string({ error: "Type the password again" }).min(1, "Type the password again"),
  })
  .refine((input) => input.password === input.confirmPassword, { path: ["confirmPassword"], message: "The two passwords differ: type the same password twice" });

export type SetPasswordInput = z.output<typeof setPasswordSchema>;
