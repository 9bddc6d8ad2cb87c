import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { getRegionOrThrow, type RegionRef } from "@/lib/data/movement";
import { getFacilityOrThrow, getRollupRegions, type FacilityRef, type OverviewFilters } from "@/lib/data/overview";
import { getRatedQuarters } from "@/lib/data/regional-rollup";
import { scopeLabel } from "@/lib/domain/overview";
import { compassLabel } from "@/lib/domain/projects";
import { chooseRatedQuarter, compareQuarters, makeQuarter, parseQuarter, type Quarter } from "@/lib/domain/quarter";
import type { CompassPoint } from "@/lib/generated/prisma/enums";
import { pageCount as pageCountOf } from "@/lib/validation/paging";
import { describeUrlProblem, readUrlFilters, urlFilters } from "@/lib/validation/url-filters";

/** The overview's URL parameters, as they arrive: every view is a bookmarkable URL. */
export type OverviewQuery = { quarter?: string | string[]; region?: string | string[]; facility?: string | string[]; compass?: string | string[]; since?: string | string[]; page?: string | string[] };

/** What an overview page shows, resolved from its URL and checked against the actor's scope. */
export type OverviewView = {
  quarter: Quarter;
  /** Quarters with final ratings in the actor's scope, newest first. */
  ratedQuarters: Quarter[];
  /** Start of the cumulative savings. */
  since: Quarter;
  region: RegionRef | null;
  facility: FacilityRef | null;
  compassPoint: CompassPoint | null;
  filters: OverviewFilters;
  /** The page of a region's facilities the on-screen tables show (FACILITIES_PER_PAGE to a page). */
  facilityPage: number;
  /** Why a parameter was not used as given, for the page to say. */
  notices: string[];
  /**
   * The top of the actor's overview: "All regions" for national staff; for
   * someone who sees one region, that region (its name is the top's label, and
   * there is no "All regions" above it).
   */
  home: { label: string; region: RegionRef | null };
};

/** The overview's URL filters, under the names every page uses. */
const OVERVIEW_URL_FILTERS = {
  quarter: urlFilters.quarter,
  region: urlFilters.region,
  facility: urlFilters.facility,
  compass: urlFilters.compass,
  since: urlFilters.since,
  page: urlFilters.page,
};

/** What each filter falls back to when its value is not understood. */
const INSTEAD: Record<keyof typeof OVERVIEW_URL_FILTERS, string> = {
  quarter: "Showing the latest quarter instead.",
  region: "Showing every region you may see.",
  facility: "Showing the whole region.",
  compass: "Showing all projects.",
  since: "Savings are summed from the start of the quarter's year.",
  page: "Showing the first page of facilities.",
};

/**
 * Reads the overview parameters. A region or facility the actor may not see is
 * refused (ForbiddenError) and an unknown one is a NotFoundError; a malformed
 * quarter, start or compass point falls back to the default with a notice.
 * Null when the actor's scope has no final ratings at all (the page's empty state).
 */
export async function resolveOverviewView(actor: Actor, query: OverviewQuery): Promise<OverviewView | null> {
  const [ratedQuarters, scope] = await Promise.all([getRatedQuarters(actor), getRollupRegions(actor)]);
  if (ratedQuarters.length === 0) return null;
  const home = {
    label: scopeLabel({ all: scope.all, regionNames: scope.regions.map((region) => region.name) }),
    region: !scope.all && scope.regions.length === 1 ? scope.regions[0]! : null,
  };
  const { values, problems } = readUrlFilters(query, OVERVIEW_URL_FILTERS);
  const notices = problems.map((problem) => describeUrlProblem(problem, INSTEAD[problem.name as keyof typeof INSTEAD]));
  const chosen = chooseRatedQuarter(values.quarter, ratedQuarters);
  if (chosen.notice) notices.push(chosen.notice);
  const quarter = chosen.quarter;

  const regionKey = values.region;
  const facilityId = values.facility;
  let facility = facilityId ? await getFacilityOrThrow(actor, facilityId) : null;
  const region = regionKey ? await getRegionOrThrow(actor, regionKey) : facility ? await getRegionOrThrow(actor, facility.regionId) : null;
  // Choosing another region in the filters leaves the old facility in the form: the region wins.
  if (facility && region && facility.regionId !== region.id) {
    notices.push(`${facility.name} is not in ${region.name}; showing all of ${region.name}.`);
    facility = null;
  }

  const compassPoint = values.compass ?? null;

  const yearStart = makeQuarter(parseQuarter(quarter).year, 1);
  let since: Quarter = yearStart;
  if (values.since && compareQuarters(values.since, quarter) > 0) {
    notices.push(`Savings cannot be summed from ${values.since}, after ${quarter}; summed from ${yearStart} instead.`);
  } else if (values.since) since = values.since;

  return {
    quarter,
    ratedQuarters,
    since,
    region,
    facility,
    compassPoint,
    filters: { regionId: region?.id ?? null, facilityId: facility?.id ?? null, compassPoint },
    facilityPage: values.page ?? 1,
    notices,
    home,
  };
}

/**
 * The URL parameters of a view, with changes (null removes one), for links, forms and CSV
 * downloads. The page of facilities is left out unless asked for: every other link starts
 * on the first page, and a CSV holds every facility.
 */
export function overviewParams(view: OverviewView, changes: Partial<Record<keyof OverviewQuery, string | null>> = {}): URLSearchParams {
  const current: Record<keyof OverviewQuery, string | null> = {
    quarter: view.quarter,
    region: view.region?.slug ?? null,
    facility: view.facility?.id ?? null,
    compass: view.compassPoint,
    since: view.since,
    page: null,
  };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...current, ...changes })) if (value) params.set(key, value);
  return params;
}

/** "Colorado › Denver Medical Center", or the top ("All regions", or a one-region actor's region), with the compass point when one is chosen. */
export function describePlace(view: OverviewView): string {
  const place = [view.region?.name ?? view.home.label, view.facility?.name].filter(Boolean).join(" › ");
  return view.compassPoint ? `${place} · ${compassLabel(view.compassPoint)} projects` : place;
}

/** A region's facilities to a page of the on-screen overview: a region at ten times the partnership has 480, and each table listed them all (1.3 MB of page). */
export const FACILITIES_PER_PAGE = 50;

export type PlacePage<T> = { rows: T[]; page: number; pageCount: number; count: number; first: number; last: number; requested: number };

/** The requested page of the rows, `size` to a page; past the last page, the last. */
export function placePage<T>(rows: readonly T[], requested: number, size: number): PlacePage<T> {
  const pageCount = pageCountOf(rows.length, size);
  const page = Math.min(requested, pageCount);
  const start = page > 1 ? (page - 1) * size : 0; // not 0 × Infinity (NaN) when unlimited
  const shown = rows.slice(start, start + size);
  return { rows: shown, page, pageCount, count: rows.length, first: start + 1, last: start + shown.length, requested };
}
