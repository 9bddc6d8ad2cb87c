import { describe, expect, it } from "vitest";
import { appUrl, parseEnv, smtpConfig } from "@/lib/env";

describe("account email settings", () => {
  it("sends nothing without a mail server", () => {
    expect(smtpConfig(parseEnv({}))).toBeNull();
    expect(smtpConfig(parseEnv({ SMTP_URL: "", SMTP_FROM: "" }))).toBeNull();
  });

  it("takes SMTP_URL and SMTP_FROM together", () => {
    expect(smtpConfig(parseEnv({ SMTP_URL: "smtps://user:secret@mail.example.org:465", SMTP_FROM: "UBT Tracker <no-reply@example.org>" }))).toEqual({
      url: "smtps://user:secret@mail.example.org:465",
      from: "UBT Tracker <no-reply@example.org>",
    });
    expect(() => parseEnv({ SMTP_URL: "smtp://localhost:25" })).toThrow("Set both SMTP_URL and SMTP_FROM to send account emails, or neither");
    expect(() => parseEnv({ SMTP_URL: "https://mail.example.org", SMTP_FROM: "a@b.org" })).toThrow("SMTP_URL must start with smtp:// or smtps://");
  });
});

describe("links out of the app", () => {
  it("are built on NEXTAUTH_URL, the app's public address", () => {
    expect(appUrl("/set-password?token=abc", parseEnv({ NEXTAUTH_URL: "https://ubt.example.org" }))).toBe("https://ubt.example.org/set-password?token=abc");
    expect(appUrl("/login", parseEnv({}))).toBe("http://localhost:3000/login");
  });
});

describe("DATABASE_REPLICA_URLS", () => {
  it("is a comma-separated list, none when unset or blank", () => {
    expect(parseEnv({}).DATABASE_REPLICA_URLS).toEqual([]);
    expect(parseEnv({ DATABASE_REPLICA_URLS: " " }).DATABASE_REPLICA_URLS).toEqual([]);
    expect(parseEnv({ DATABASE_REPLICA_URLS: "postgresql://r1.example.org/ubt, postgresql://r2.example.org/ubt" }).DATABASE_REPLICA_URLS).toEqual([
      "postgresql://r1.example.org/ubt",
      "postgresql://r2.example.org/ubt",
    ]);
  });

  it("refuses anything that is not a URL, saying which setting", () => {
    expect(() => parseEnv({ DATABASE_REPLICA_URLS: "postgresql://r1.example.org/ubt,https://replica-2" })).toThrow("Each of DATABASE_REPLICA_URLS must be a postgresql:// URL");
  });
});
