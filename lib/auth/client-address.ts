/**
 * The client's address, for sign-in throttling. Next.js sets X-Forwarded-For to the
 * connection's address when the request has none; each trusted proxy appends the address
 * it saw. So with `trustedHops` proxies the client is that many entries from the right,
 * and without a proxy (0) it is the last entry. Entries further left are whatever the
 * client claimed and never read. Without a proxy a client can still send its own header
 * and pick its address: the per-account throttle and the bound on hashing do not depend on it.
 */
export function clientAddress(forwardedFor: string | null | undefined, trustedHops: number): string {
  const hops = (forwardedFor ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const address = hops[hops.length - Math.max(1, trustedHops)];
  return address ? address.slice(0, 64) : "unknown";
}
