import { describe, expect, it } from "vitest";
import { isSameOrigin } from "@/lib/auth/same-origin";
import { AppError } from "@/lib/errors";
import { readFormDataWithin } from "@/lib/upload";

const LIMIT = 30 * 1024 * 1024;
const TOO_LARGE = "The file is larger than 30 MB";

/** A 50 MB body that arrives in 1 MB chunks, counting how many were pulled. */
function fiftyMegabytes() {
  const chunk = new Uint8Array(1024 * 1024).fill(0x61);
  const pulled = { chunks: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled.chunks === 50) controller.close();
      else {
        pulled.chunks++;
        controller.enqueue(chunk);
      }
    },
  });
  return { stream, pulled };
}

describe("readFormDataWithin", () => {
  it("reads a form with a file", async () => {
    const form = new FormData();
    form.set("kind", "people");
    form.set("file", new File(["a,b\n"], "people.csv", { type: "text/csv" }));
    const request = new Request("http://localhost/api/admin/import", { method: "POST", body: form });
    const read = await readFormDataWithin(request, LIMIT, TOO_LARGE);
    expect(read.get("kind")).toBe("people");
    expect(await (read.get("file") as File).text()).toBe("a,b\n");
  });

  it("refuses a 50 MB upload by its Content-Length, without reading it", async () => {
    const { stream, pulled } = fiftyMegabytes();
    const request = new Request("http://localhost/", {
      method: "POST",
      body: stream,
      headers: { "content-length": String(50 * 1024 * 1024), "content-type": "multipart/form-data; boundary=x" },
      duplex: "half",
    } as RequestInit);
    await expect(readFormDataWithin(request, LIMIT, TOO_LARGE)).rejects.toMatchObject({ status: 413, message: TOO_LARGE });
    expect(pulled.chunks).toBeLessThanOrEqual(1);
  });

  it("refuses a 50 MB upload without a length once it has read past the limit, not to its end", async () => {
    const { stream, pulled } = fiftyMegabytes();
    const request = new Request("http://localhost/", {
      method: "POST",
      body: stream,
      headers: { "content-type": "multipart/form-data; boundary=x" },
      duplex: "half",
    } as RequestInit);
    const refusal = readFormDataWithin(request, LIMIT, TOO_LARGE);
    await expect(refusal).rejects.toBeInstanceOf(AppError);
    await expect(refusal).rejects.toMatchObject({ status: 413 });
    expect(pulled.chunks).toBeLessThan(35);
  });
});

describe("isSameOrigin", () => {
  const post = (headers: Record<string, string>) => new Request("http://app.example/api/admin/import", { method: "POST", headers });

  it("accepts the app's own pages and refuses other sites and requests without an Origin", () => {
    expect(isSameOrigin(post({ origin: "http://app.example", host: "app.example" }))).toBe(true);
    expect(isSameOrigin(post({ origin: "https://evil.example", host: "app.example" }))).toBe(false);
    expect(isSameOrigin(post({ host: "app.example" }))).toBe(false);
    expect(isSameOrigin(post({ origin: "null", host: "app.example" }))).toBe(false);
  });
});
