// Okabe–Ito colours (distinguishable with the common colour-vision deficiencies),
// each paired with its own dash pattern so lines differ without colour too.
const SERIES_STYLES = [
  { color: "#0072B2", dash: undefined },
  { color: "#D55E00", dash: "6 3" },
  { color: "#009E73", dash: "2 2" },
  { color: "#CC79A7", dash: "8 3 2 3" },
  { color: "#E69F00", dash: undefined },
  { color: "#56B4E9", dash: "6 3" },
  { color: "#000000", dash: "2 2" },
  { color: "#8C6D00", dash: "8 3 2 3" },
  { color: "#6B6B6B", dash: "1 3" },
] as const;

export function seriesStyle(index: number) {
  return SERIES_STYLES[index % SERIES_STYLES.length]!;
}
