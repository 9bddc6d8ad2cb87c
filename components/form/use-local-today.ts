"use client";

import { useSyncExternalStore } from "react";

/**
 * Today in the person's own time zone ("YYYY-MM-DD"), for date fields' defaults.
 * Empty during server rendering, which cannot know the time zone; filled in on hydration.
 */
export function useLocalToday(): string {
  return useSyncExternalStore(subscribeToNothing, localToday, () => "");
}

function subscribeToNothing(): () => void {
  return () => {};
}

function localToday(): string {
  const now = new Date();
  return [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((part) => String(part).padStart(2, "0")).join("-");
}
