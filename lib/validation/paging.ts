import { z } from "zod";

/** Deep pages are refused rather than turned into huge OFFSETs. */
export const MAX_PAGE = 1000;
export const PAGE_MESSAGE = `The page must be a whole number from 1 to ${MAX_PAGE}`;

/** A `page` URL parameter: a whole number from 1 to MAX_PAGE. */
export const pageNumberSchema = z.coerce.number({ error: PAGE_MESSAGE }).int(PAGE_MESSAGE).min(1, PAGE_MESSAGE).max(MAX_PAGE, PAGE_MESSAGE);

/** How many pages `count` rows fill, at least one (an empty list is one empty page). */
export function pageCount(count: number, pageSize: number): number {
  return Math.max(1, Math.ceil(count / pageSize));
}
