import type { z } from "zod";
import { urlFilters } from "@/lib/validation/url-filters";

/** The team directory's filters, read alike by the page and its CSV export. */
export const TEAM_DIRECTORY_FILTERS = {
  q: urlFilters.q,
  region: urlFilters.region,
  facility: urlFilters.facility,
  level: urlFilters.level,
  ratingStatus: urlFilters.ratingStatus,
  lifecycle: urlFilters.lifecycle,
};

export type TeamDirectoryFilters = { [K in keyof typeof TEAM_DIRECTORY_FILTERS]?: z.output<(typeof TEAM_DIRECTORY_FILTERS)[K]> };
