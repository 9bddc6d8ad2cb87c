import { describe, expect, it } from "vitest";
import { HOME_PATH, isReadableCallbackUrl, sameOriginPath } from "@/lib/auth/redirect";
import { HOSTILE_REDIRECTS } from "@/tests/support/hostile-redirects";

const APP = "http://localhost:3000";

describe("sameOriginPath", () => {
  it.each(HOSTILE_REDIRECTS.map((raw) => [JSON.stringify(raw), raw]))("refuses %s", (_label, raw) => {
    expect(sameOriginPath(raw, APP)).toBe(HOME_PATH);
  });

  it("refuses the same spellings behind HTTPS", () => {
    const https = "https://localhost:3000";
    const passed = HOSTILE_REDIRECTS.filter((raw) => sameOriginPath(raw.replaceAll("http://localhost", "https://localhost"), https) !== HOME_PATH);
    expect(passed).toEqual([]);
  });

  it.each([
    ["/", "/"],
    ["/overview", "/overview"],
    ["/overview?quarter=2021-Q2", "/overview?quarter=2021-Q2"],
    ["/teams/abc/ratings?quarter=2021-Q2#criteria", "/teams/abc/ratings?quarter=2021-Q2#criteria"],
    ["/projects?q=Colorado%20couriers", "/projects?q=Colorado%20couriers"],
    ["/savings?next=//not-a-host", "/savings?next=//not-a-host"],
    ["http://localhost:3000/overview", "/overview"],
    ["HTTP://LOCALHOST:3000/overview", "/overview"],
    ["overview", "/overview"],
    ["/teams/../overview", "/overview"],
  ])("keeps the app's own page %j as %j", (raw, path) => {
    expect(sameOriginPath(raw, APP)).toBe(path);
  });

  it("refuses nothing-like values", () => {
    for (const raw of [undefined, null, 42, ["/overview"], {}, ""]) expect(sameOriginPath(raw, APP)).toBe(HOME_PATH);
  });

  it("refuses everything when the origin itself is not an address", () => {
    expect(sameOriginPath("/overview", "not an origin")).toBe(HOME_PATH);
  });
});

describe("isReadableCallbackUrl", () => {
  it("reads, as next-auth does, a path from the root or an absolute http(s) URL", () => {
    for (const raw of ["/", "/overview?quarter=2026-Q4", `${APP}/teams`, "https://evil.example/"]) expect(isReadableCallbackUrl(raw, APP), raw).toBe(true);
  });

  it("does not read what next-auth would answer with a 500: relative words, other schemes, garbage", () => {
    for (const raw of ["b", "x".repeat(5_000), "javascript:alert(1)", "..\\..\\windows", "%ZZ", "[]", "mailto:a@b.c"]) expect(isReadableCallbackUrl(raw, APP), raw).toBe(false);
  });
});
