import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { smtpConfig } from "@/lib/env";

export type Email = { to: string; subject: string; text: string; headers?: Record<string, string> };

/** What became of an email: sent, not sent because no mail server is configured, or refused by it. */
export type EmailOutcome = "sent" | "notConfigured" | "failed";

const transports = new Map<string, Transporter>();

function transportFor(url: string): Transporter {
  let transport = transports.get(url);
  if (!transport) {
    transport = nodemailer.createTransport(url);
    transports.set(url, transport);
  }
  return transport;
}

/**
 * Sends a plain-text email through SMTP_URL when one is configured. A failure is logged and
 * reported, never thrown: the caller has already saved what the email tells about (the
 * administrator still has the link to pass on).
 */
export async function sendEmail(email: Email, config = smtpConfig()): Promise<EmailOutcome> {
  if (!config) return "notConfigured";
  try {
    await transportFor(config.url).sendMail({ from: config.from, to: email.to, subject: email.subject, text: email.text, headers: email.headers });
    return "sent";
  } catch (error) {
    console.error("Sending an email failed", error);
    return "failed";
  }
}
