import type { ImprovementTool } from "@/lib/generated/prisma/enums";

export const TOOL_LABELS: Record<ImprovementTool, string> = {
  RAPID_IMPROVEMENT_MODEL: "Rapid improvement model",
  PDSA: "PDSA cycles",
  RUN_CHART: "Run chart",
  PROCESS_MAP: "Process map",
  FISHBONE: "Fishbone diagram",
  PARETO: "Pareto chart",
  FIVE_WHYS: "Five whys",
  VALUE_STREAM_MAP: "Value stream map",
  FIVE_S: "5S",
  STANDARD_WORK: "Standard work",
  HUDDLE_BOARD: "Huddle board",
  VOICE_OF_CUSTOMER: "Voice of the customer",
  WASTE_WALK: "Waste walk",
};
