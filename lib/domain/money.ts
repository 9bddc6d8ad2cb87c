import { z } from "zod";
import { MIN_AMOUNT_CENTS } from "@/lib/domain/plausible";

/** Money is integer cents everywhere; dollars exist only at the edges (forms, display, CSV). */
export type Cents = number;

const DOLLARS_PATTERN = /^\$?\s*(\d{1,3}(?:,\d{3})*|\d+)(?:\.(\d{1,2}))?$/;

/** "12,345.67", "$12345.6" or "12345" → cents; null when the text is not an amount of dollars and cents. */
export function parseDollars(text: string): Cents | null {
  const match = DOLLARS_PATTERN.exec(text.trim());
  if (!match) return null;
  const dollars = Number(match[1]!.replace(/,/g, ""));
  const cents = Number((match[2] ?? "").padEnd(2, "0"));
  const total = dollars * 100 + cents;
  return Number.isSafeInteger(total) ? total : null;
}

const dollarFormat = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

/** 1234567 → "$12,345.67" (integer division: no float ever touches the amount). */
export function formatCents(cents: Cents): string {
  const sign = cents < 0 ? "-" : "";
  const absolute = Math.abs(cents);
  const dollars = Math.floor(absolute / 100);
  const remainder = String(absolute % 100).padStart(2, "0");
  return `${sign}${dollarFormat.format(dollars).replace(/\.00$/, "")}.${remainder}`;
}

/** The largest single entry accepted: the database column is a 32-bit integer of cents. */
export const MAX_ENTRY_CENTS = 2_147_483_647;

/** A form's dollar amount, validated and converted to cents. */
export const dollarsSchema = z
  .string({ error: "Enter an amount in dollars, like 12,345.67" })
  .transform((text, context) => {
    const cents = parseDollars(text);
    if (cents === null) {
      context.addIssue({ code: "custom", message: "Enter an amount in dollars and cents, like 12,345.67 (no negative amounts, at most 2 decimals)" });
      return z.NEVER;
    }
    if (cents < MIN_AMOUNT_CENTS) {
      context.addIssue({ code: "custom", message: "Enter an amount of at least $0.01" });
      return z.NEVER;
    }
    if (cents > MAX_ENTRY_CENTS) {
      context.addIssue({ code: "custom", message: "Enter at most $21,474,836.47 in one entry; split larger savings into several" });
      return z.NEVER;
    }
    return cents;
  });

