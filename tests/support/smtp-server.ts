import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export type ReceivedEmail = { to: string[]; message: string };

/**
 * A mail server on loopback, as the app's would be, collecting what it receives, and
 * SMTP_URL/SMTP_FROM pointing at it. Call it from `vi.hoisted` (above the imports):
 * lib/env.ts reads SMTP_URL once, when the modules load.
 */
export async function startLoopbackSmtp(): Promise<{ inbox: ReceivedEmail[]; close: () => Promise<void> }> {
  const inbox: ReceivedEmail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, mailSession, callback) {
      let message = "";
      stream.on("data", (chunk: Buffer) => (message += chunk.toString("utf8")));
      stream.on("end", () => {
        inbox.push({ to: mailSession.envelope.rcptTo.map((recipient) => recipient.address), message });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  process.env.SMTP_URL = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  process.env.SMTP_FROM = "UBT Tracker <no-reply@example.org>";
  return { inbox, close: () => new Promise<void>((resolve) => server.close(resolve)) };
}

/** A received message as a reader sees it: headers unfolded, quoted-printable decoded. */
export function readable(message: string): string {
  const unfolded = message.replace(/=\r?\n/g, "").replace(/\r?\n[ \t]+/g, " ");
  return Buffer.from(unfolded.replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), "latin1").toString("utf8");
}
