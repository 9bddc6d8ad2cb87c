import { z } from "zod";

// Shared by the sign-in form (instant feedback) and the credentials provider.
export const signInSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, "Enter your email address")
    .max(254, "That email address is too long")
    .pipe(z.email("Enter a valid email address, like name@example.org"))
    .transform((email) => email.toLowerCase()),
  password: z.string().min(1, "Enter your password").max(200, "That password is too long"),
});

export type SignInInput = z.infer<typeof signInSchema>;
