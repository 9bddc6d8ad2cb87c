import { describe, expect, it } from "vitest";
import { signInSchema } from "@/lib/validation/sign-in";

function messages(input: unknown) {
  const result = signInSchema.safeParse(input);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [issue.path[0], issue.message]));
}

describe("signInSchema", () => {
  it("normalises a valid email", () => {
    expect(signInSchema.parse({ email: "  Staff@Example.org ", password: "pw" })).toEqual({ email: "staff@example.org", password: "pw" });
  });

  it("names each problem", () => {
    expect(messages({ email: "", password: "" })).toEqual({ email: "Enter your email address", password: "Enter your password" });
    expect(messages({ email: "not-an-email", password: "pw" })).toEqual({ email: "Enter a valid email address, like name@example.org" });
    expect(messages({ email: `${"a".repeat(250)}@example.org`, password: "pw" })).toEqual({ email: "That email address is too long" });
  });

  it("refuses non-strings", () => {
    expect(signInSchema.safeParse({ email: 42, password: null }).success).toBe(false);
    expect(signInSchema.safeParse(undefined).success).toBe(false);
  });
});
