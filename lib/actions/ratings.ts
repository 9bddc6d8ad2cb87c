"use server";

import { userAction } from "@/lib/actions/runtime";
import { reopenRating, saveRating, signRating, type RatingOutcome } from "@/lib/services/ratings";
import { reopenRatingSchema, saveRatingSchema, signoffSchema } from "@/lib/validation/ratings";

/**
 * Where a rating shows: its own page (quarterly and self-assessment), the team's page
 * with its history, and the homes ("/": a sponsor's queue, a co-lead's team card).
 */
const ratingPages = ({ teamId, quarter }: RatingOutcome) => [`/teams/${teamId}/ratings/${quarter}`, `/teams/${teamId}`, "/"];

/** A rating that becomes final, or stops being final, also changes the overview's counts and its report. */
const finalRatingPages = (outcome: RatingOutcome) => [...ratingPages(outcome), "/overview", "/overview/report", "/overview/linkage"];

export const saveRatingAction = userAction(saveRatingSchema, saveRating, ratingPages);

export const signRatingAction = userAction(signoffSchema, signRating, (outcome) => (outcome.status === "FINAL" ? finalRatingPages(outcome) : ratingPages(outcome)));

export const reopenRatingAction = userAction(reopenRatingSchema, reopenRating, finalRatingPages);
