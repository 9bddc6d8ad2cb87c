import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, createNonce, FIXED_SECURITY_HEADERS, servedOverHttps } from "@/lib/security/headers";

function directives(policy: string): Map<string, string> {
  return new Map(policy.split("; ").map((directive) => [directive.split(" ")[0]!, directive.slice(directive.indexOf(" ") + 1)]));
}

describe("contentSecurityPolicy", () => {
  it("lets only the nonce's scripts (and what they load) run, and nothing frame the app", () => {
    const policy = directives(contentSecurityPolicy({ nonce: "abc123==", development: false }));
    expect(policy.get("script-src")).toBe("'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(policy.get("frame-ancestors")).toBe("'none'");
    expect(policy.get("object-src")).toBe("'none'");
    expect(policy.get("base-uri")).toBe("'self'");
    expect(policy.get("form-action")).toBe("'self'");
    expect(policy.get("img-src")).toBe("'self' data: blob:");
    expect(policy.get("style-src")).toBe("'self' 'unsafe-inline'");
    expect(policy.get("default-src")).toBe("'self'");
  });

  it("never allows inline scripts, and eval only in development", () => {
    const production = contentSecurityPolicy({ nonce: "n", development: false });
    const development = contentSecurityPolicy({ nonce: "n", development: true });
    expect(directives(production).get("script-src")).not.toContain("unsafe");
    expect(directives(development).get("script-src")).toBe("'self' 'nonce-n' 'strict-dynamic' 'unsafe-eval'");
    expect(directives(development).get("script-src")).not.toContain("'unsafe-inline'");
  });

  it("without a nonce (static files) allows only the app's own scripts", () => {
    expect(directives(contentSecurityPolicy({ development: false })).get("script-src")).toBe("'self'");
  });
});

describe("createNonce", () => {
  it("is 128 random bits in base64, new every time", () => {
    const nonces = Array.from({ length: 100 }, createNonce);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(new Set(nonces).size).toBe(100);
  });
});

describe("servedOverHttps", () => {
  it.each([
    [{ protocol: "https:", forwardedProto: null, appUrl: undefined }, true],
    [{ protocol: "http:", forwardedProto: "https", appUrl: undefined }, true],
    [{ protocol: "http:", forwardedProto: "HTTPS, http", appUrl: undefined }, true],
    [{ protocol: "http:", forwardedProto: null, appUrl: "https://tracker.example.org" }, true],
    [{ protocol: "http:", forwardedProto: null, appUrl: "http://localhost:3000" }, false],
    [{ protocol: "http:", forwardedProto: "http", appUrl: undefined }, false],
    [{ protocol: "http:", forwardedProto: "http, https", appUrl: undefined }, false],
  ])("%j → %s", (request, expected) => {
    expect(servedOverHttps(request)).toBe(expected);
  });
});

describe("FIXED_SECURITY_HEADERS", () => {
  it("refuse framing, sniffing, full referrers, cross-origin openers and device features", () => {
    const headers = Object.fromEntries(FIXED_SECURITY_HEADERS.map(({ key, value }) => [key, value]));
    expect(headers).toMatchObject({
      "X-Frame-Options": "DENY",
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "Cross-Origin-Opener-Policy": "same-origin",
    });
    for (const feature of ["camera", "microphone", "geolocation", "payment", "usb"]) expect(headers["Permissions-Policy"]).toContain(`${feature}=()`);
  });
});
