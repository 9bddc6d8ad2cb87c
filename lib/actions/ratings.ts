"use server";

import { runUserAction } from "@/lib/actions/result";
import { reopenRating, saveRating, signRating } from "@/lib/services/ratings";

export async function saveRatingAction(input: unknown) {
  return runUserAction((user) => saveRating(user, input));
}

export async function signRatingAction(input: unknown) {
  return runUserAction((user) => signRating(user, input));
}

export async function reopenRatingAction(input: unknown) {
  return runUserAction((user) => reopenRating(user, input));
}
