// DOMAIN.md, "Rated high performing as of June 2021" (the ratings of 2021-Q2), written
// out here rather than imported from the seed, so the tests check the seed, not echo it.
export const PUBLISHED_2021_Q2 = [
  { name: "Colorado", rated: 256, highPerforming: 188, percent: 73 },
  { name: "Georgia", rated: 108, highPerforming: 94, percent: 87 },
  { name: "Hawaii", rated: 60, highPerforming: 54, percent: 90 },
  { name: "Mid-Atlantic States", rated: 277, highPerforming: 213, percent: 77 },
  { name: "Northern California", rated: 1347, highPerforming: 1006, percent: 75 },
  { name: "Northwest", rated: 407, highPerforming: 280, percent: 69 },
  { name: "Southern California", rated: 1115, highPerforming: 789, percent: 71 },
  // Washington joined in 2017; its teams were not rated yet.
  { name: "Washington", rated: 0, highPerforming: 0, percent: null },
  { name: "National Functions", rated: 81, highPerforming: 50, percent: 62 },
] as const;

export const PUBLISHED_2021_Q2_TOTAL = { rated: 3651, highPerforming: 2674, percent: 73 } as const;
