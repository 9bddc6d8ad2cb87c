import { describe, expect, it } from "vitest";
import { clientAddress } from "@/lib/auth/client-address";

describe("the client address for sign-in throttling", () => {
  it("without a proxy is what Next.js recorded from the connection: the last X-Forwarded-For entry", () => {
    expect(clientAddress("127.0.0.1", 0)).toBe("127.0.0.1");
    expect(clientAddress("10.9.9.9, 127.0.0.1", 0)).toBe("127.0.0.1");
  });

  it("behind trusted proxies is the entry the outermost one added, never the client's own claims further left", () => {
    expect(clientAddress("1.2.3.4, 203.0.113.5", 1)).toBe("203.0.113.5");
    expect(clientAddress("1.2.3.4, 203.0.113.5, 10.0.0.2", 2)).toBe("203.0.113.5");
    expect(clientAddress(" 203.0.113.5 ,10.0.0.2 ", 2)).toBe("203.0.113.5");
  });

  it("is 'unknown' when the header is missing or shorter than the proxies claimed", () => {
    expect(clientAddress(undefined, 0)).toBe("unknown");
    expect(clientAddress("", 1)).toBe("unknown");
    expect(clientAddress("203.0.113.5", 2)).toBe("unknown");
  });

  it("is cut to the column's 64 characters", () => {
    expect(clientAddress("x".repeat(100), 0)).toHaveLength(64);
  });
});
