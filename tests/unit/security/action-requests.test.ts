import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import {
  isActionRequest,
  MAX_ACTION_BODY_BYTES,
  refuseActionBody,
  refuseDeclaredSize,
  refuseForeignOrigin,
  refuseReply,
} from "@/lib/security/action-requests";

// React's own client encoder, as the browser uses it to call an action (Next's copy ships no types).
const { encodeReply } = createRequire(import.meta.url)("next/dist/compiled/react-server-dom-turbopack/client.browser") as {
  encodeReply: (value: unknown) => Promise<string | FormData>;
};

const ACTION_ID = "7fdfbc2c977963c729f5e9db61a32956349c366381";

describe("isActionRequest", () => {
  const head = (method: string, pathname: string, headers: Record<string, string>) => ({ method, pathname, headers: new Headers(headers) });

  it("takes what Next decodes as an action: a POST to a page with Next-Action, or any multipart POST to a page", () => {
    expect(isActionRequest(head("POST", "/projects/x", { "next-action": ACTION_ID }))).toBe(true);
    expect(isActionRequest(head("POST", "/", { "content-type": "multipart/form-data; boundary=xx" }))).toBe(true);
    expect(isActionRequest(head("POST", "/", { "content-type": "Multipart/Form-Data; boundary=xx" }))).toBe(true);
  });

  it("leaves other requests and the route handlers (the import's upload) alone", () => {
    expect(isActionRequest(head("GET", "/", { "next-action": ACTION_ID }))).toBe(false);
    expect(isActionRequest(head("POST", "/", { "content-type": "application/x-www-form-urlencoded" }))).toBe(false);
    expect(isActionRequest(head("POST", "/api/admin/import", { "content-type": "multipart/form-data; boundary=xx" }))).toBe(false);
    expect(isActionRequest(head("POST", "/api/auth/callback/credentials", { "next-action": ACTION_ID }))).toBe(false);
  });
});

describe("refuseForeignOrigin", () => {
  const check = (headers: Record<string, string>) => refuseForeignOrigin(new Headers(headers))?.status ?? "passes";

  it("passes the app's own origin, compared with X-Forwarded-Host first as Next does, and no Origin at all", () => {
    expect(check({ host: "localhost:3000", origin: "http://localhost:3000" })).toBe("passes");
    expect(check({ host: "127.0.0.1:3000", "x-forwarded-host": "ubt.example.org, proxy.internal", origin: "https://ubt.example.org" })).toBe("passes");
    expect(check({ host: "localhost:3000" })).toBe("passes");
  });

  it("refuses another site, a null or unreadable Origin, and an Origin with no host to compare", () => {
    expect(check({ host: "localhost:3000", origin: "https://evil.example" })).toBe(403);
    expect(check({ host: "localhost:3000", origin: "http://localhost:3001" })).toBe(403);
    expect(check({ host: "localhost:3000", origin: "null" })).toBe(403);
    expect(check({ host: "localhost:3000", origin: "" })).toBe(403);
    expect(check({ host: "localhost:3000", origin: "garbage" })).toBe(403);
    expect(check({ host: "localhost:3000", "x-forwarded-host": "ubt.example.org", origin: "http://localhost:3000" })).toBe(403);
    expect(check({ origin: "http://localhost:3000" })).toBe(403);
  });
});

describe("refuseDeclaredSize", () => {
  const check = (headers: Record<string, string>) => refuseDeclaredSize(new Headers(headers))?.status ?? "passes";

  it("refuses a declared length over Next's 1 MB before reading; none is measured while reading", () => {
    expect(check({ "content-length": "0" })).toBe("passes");
    expect(check({ "content-length": String(MAX_ACTION_BODY_BYTES) })).toBe("passes");
    expect(check({ "content-length": String(MAX_ACTION_BODY_BYTES + 1) })).toBe(413);
    expect(check({})).toBe("passes");
    expect(check({ "content-length": "-1" })).toBe(400);
    expect(check({ "content-length": "1e9" })).toBe(400);
  });
});

describe("refuseReply", () => {
  it("passes what React's client sends for plain form values, whatever they hold", async () => {
    const shared = ["PDSA"];
    const replies = [
      [{ title: "Fewer missed appointments", tools: shared, more: { tools: shared } }],
      [{ startDate: new Date("2026-01-15"), goalId: undefined, amount: Number.NaN, big: 12n, minus: -0, note: "$100 saved", nested: [[["x"]]] }],
      [],
      ["$$", "$", "$0", "$K1"],
    ];
    for (const reply of replies) {
      const body = await encodeReply(reply);
      expect(typeof body, "plain values make a text body").toBe("string");
      expect(refuseReply(body as string), body as string).toBeNull();
    }
  });

  it("refuses a body that is not a JSON array", () => {
    for (const body of ["", "hello", '[{"title":', "{}", "null", "123", '"abc"']) expect(refuseReply(body)?.status, body).toBe(400);
  });

  it("refuses references to parts the body does not have, and paths that lead nowhere or to the prototype", () => {
    const references = ["$1", "$@2", "$K3", "$Q4", "$W5", "$B6", "$i7", "$h8", "$F9", "$R1", "$r1", "$X1", "$x1", "$T", "$S1", "$Z", "$", "$0", "$n12a", "$0:", "$0:9:z", "$0:0:__proto__", "$0:0:constructor:constructor", "$0:0:a"];
    for (const reference of references) expect(refuseReply(JSON.stringify([{ a: "text", b: reference }])), reference).not.toBeNull();
  });

  it("refuses NUL in any text, value or key (PostgreSQL cannot store it), and nothing else for being a control character", () => {
    expect(refuseReply(JSON.stringify([{ title: "a\u0000b" }]))?.message).toMatch(/NUL/);
    expect(refuseReply(JSON.stringify([{ tools: ["x", "\u0000"] }]))?.message).toMatch(/NUL/);
    expect(refuseReply(JSON.stringify([{ "ti\u0000tle": "x" }]))?.message).toMatch(/NUL/);
    expect(refuseReply(JSON.stringify([{ aim: "line one\nline two\ttabbed", literal: "\\u0000 as typed" }]))).toBeNull();
  });

  it("refuses values nested deeper than any form's (React's decoder would overflow its stack)", () => {
    expect(refuseReply("[".repeat(20) + "]".repeat(20))).toBeNull();
    expect(refuseReply("[".repeat(100_000) + "]".repeat(100_000))?.status).toBe(400);
  });
});

describe("refuseActionBody", () => {
  const post = (headers: Record<string, string>, body: BodyInit) => new Request("http://localhost:3000/", { method: "POST", headers, body });

  it("reads a copy, so the action still gets the body", async () => {
    const request = post({ "next-action": ACTION_ID, "content-type": "text/plain;charset=UTF-8" }, '[{"title":"x"}]');
    expect(await refuseActionBody(request)).toBeNull();
    expect(await request.text()).toBe('[{"title":"x"}]');
  });

  it("refuses a body over 1 MB that did not declare its length (a stream), once it has read that much", async () => {
    const chunk = new TextEncoder().encode(JSON.stringify(["a".repeat(64 * 1024)]));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 1;
        if (sent > 40) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const request = new Request("http://localhost:3000/", { method: "POST", headers: { "next-action": ACTION_ID }, body: stream, duplex: "half" } as RequestInit);
    expect((await refuseActionBody(request))?.status).toBe(413);
    expect(sent, "stopped reading at the limit").toBeLessThan(40);
  });

  it("refuses a multipart body that does not parse, and a multipart action call (this app's actions take plain values)", async () => {
    expect((await refuseActionBody(post({ "content-type": "multipart/form-data; boundary=xx" }, "garbage")))?.status).toBe(400);
    const form = new FormData();
    form.set("0", '["$K1"]');
    expect(await refuseActionBody(new Request("http://localhost:3000/", { method: "POST", body: form }))).toBeNull();
    expect((await refuseActionBody(new Request("http://localhost:3000/", { method: "POST", headers: { "next-action": ACTION_ID }, body: form })))?.status).toBe(400);
  });
});
