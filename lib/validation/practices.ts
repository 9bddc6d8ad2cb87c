import { z } from "zod";
import { parseDollars } from "@/lib/domain/money";
import type { DepartmentType } from "@/lib/generated/prisma/enums";
import { urlField, urlFilters, urlQuery } from "@/lib/validation/url-filters";

// Shared by the practice library (its GET search form), the adopt control (client)
// and lib/services/spread.ts.

export const DEPARTMENT_TYPE_LABELS: Record<DepartmentType, string> = {
  PHARMACY: "Pharmacy",
  PRIMARY_CARE: "Primary care",
  SPECIALTY_CARE: "Specialty care",
  INPATIENT_NURSING: "Inpatient nursing",
  EMERGENCY: "Emergency",
  SURGERY: "Surgery",
  MATERNAL_CHILD: "Maternal and child health",
  LABORATORY: "Laboratory",
  IMAGING: "Imaging",
  BEHAVIORAL_HEALTH: "Behavioral health",
  REHABILITATION: "Rehabilitation",
  MEMBER_SERVICES: "Member services",
  TRANSPORT_LOGISTICS: "Transport and logistics",
  ENVIRONMENTAL_SERVICES: "Environmental services",
  HEALTH_PLAN_ADMINISTRATION: "Health plan administration",
  FINANCE: "Finance",
  INFORMATION_TECHNOLOGY: "Information technology",
};

// ───────────────────────────── searching the library ─────────────────────────────

const minimumSavingsCents = z.string().transform((text, context) => {
  const cents = parseDollars(text);
  if (cents === null) {
    context.addIssue({ code: "custom", message: "Enter the minimum savings in dollars, like 10,000 (no negative amounts, at most 2 decimals)" });
    return z.NEVER;
  }
  return cents;
});

/** The library's search form, read from the URL; field names are the URL's. */
export const practiceSearchSchema = z
  .object({
    q: urlField(z.string().max(200, "Keep the search under 200 characters")),
    compass: urlField(urlFilters.compass),
    department: urlField(urlFilters.department),
    region: urlField(urlFilters.region),
    minSavings: urlField(minimumSavingsCents),
    page: urlField(urlFilters.page),
  })
  .transform(({ q, compass, department, region, minSavings, page }) => ({
    text: q,
    compassPoint: compass,
    departmentType: department,
    regionSlug: region,
    minSavingsCents: minSavings,
    page: page ?? 1,
  }));

export type PracticeFilters = z.output<typeof practiceSearchSchema>;

/** The search form's fields as typed, by their URL names. */
export type PracticeSearchValues = Record<"q" | "compass" | "department" | "region" | "minSavings", string>;

/** The library's address for a search as typed (blank fields left out) and a page of its results. */
export function practiceSearchHref(values: Partial<Record<keyof PracticeSearchValues, unknown>>, page = 1): string {
  const typed = Object.fromEntries(Object.entries(values).map(([name, value]) => [name, typeof value === "string" && value.trim() !== "" ? value : undefined]));
  const query = urlQuery({ ...typed, page: page > 1 ? page : undefined });
  return query ? `/practices?${query}` : "/practices";
}

// ───────────────────────────── adopting a practice ─────────────────────────────

export const adoptPracticeSchema = z.object({
  originProjectId: z.uuid({ error: "Unknown practice: reload the page and try again" }),
  adopterTeamId: z.uuid({ error: "Choose the team that adopts the practice" }),
  /** Blank or missing: "Adopted: <the practice's title>". */
  title: z.string({ error: "The title must be text" }).trim().max(200, "Keep the title under 200 characters").optional(),
  /** Blank or missing: the practice's aim, which the team then makes its own. */
  aim: z.string({ error: "The aim must be text" }).trim().max(2000, "Keep the aim under 2,000 characters").optional(),
});

/** What lib/services/spread.ts receives: the schema's parsed output (trimmed text). */
export type AdoptPracticeInput = z.output<typeof adoptPracticeSchema>;
