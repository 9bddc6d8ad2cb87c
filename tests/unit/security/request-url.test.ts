import { describe, expect, it } from "vitest";
import { refuseUnreadableUrl } from "@/lib/security/request-url";

const check = (address: string) => {
  const url = new URL(address, "http://localhost:3000");
  return refuseUnreadableUrl(url)?.status ?? "passes";
};

describe("refuseUnreadableUrl", () => {
  it("refuses NUL and the other control characters in the path or the query, however encoded", () => {
    for (const address of ["/practices?q=%00", "/practices?q=a%00b", "/teams/%00", "/practices?q=%1b[31m", "/practices?q=%7F", "/practices?q=%1F", "/practices?%00=x", "/overview?quarter=%0b"]) {
      expect(check(address), address).toBe(400);
    }
  });

  it("refuses a path whose escapes are not UTF-8 (Next would fail decoding its segments)", () => {
    for (const address of ["/teams/%ZZ", "/teams/%", "/admin/people/%%", "/projects/%C3%28", "/criteria/%FF", "/teams/%E0%A4%A/projects/new", "/api/auth/%ZZ"]) {
      expect(check(address), address).toBe(400);
    }
  });

  it("passes tab, line breaks, text, encodings that only look alike, and a query's malformed escapes (read leniently)", () => {
    expect(check("/practices?q=%ZZ&region=%C3%28")).toBe("passes");
    expect(check("/teams/caf%C3%A9")).toBe("passes");
    for (const address of ["/practices?q=a%09b", "/practices?q=a%0Ab%0D", "/practices?q=%2500", "/practices?q=caf%C3%A9", "/practices?q=100%25", "/overview?quarter=2026-Q4", "/practices?q=%20%21"]) {
      expect(check(address), address).toBe("passes");
    }
  });
});
