import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { addCycleSchema, updateCycleSchema } from "@/lib/validation/cycles";
import { toDayString } from "@/lib/validation/dates";
import { addDataPointSchema, addMeasureSchema, removeDataPointSchema, updateMeasureSchema } from "@/lib/validation/measures";

const PROJECT_ID = "7f1c9a52-2d4b-4c55-9d0e-3a6f1b2c4d5e";
const MEASURE_ID = "0b8e6f7a-1c2d-4e3f-8a9b-0c1d2e3f4a5b";
const MEASURE = { projectId: PROJECT_ID, name: "Deliveries on time", kind: "OUTCOME", unit: "%", baseline: "84", target: "96", direction: "INCREASE" };
// The real clock's days, on purpose: the schemas refuse days after the real today.
const TOMORROW = toDayString(new Date(Date.now() + 86_400_000));
const TODAY = toDayString(new Date());

/** Each failing field with its messages (all of them, so a duplicate message would show). */
function messages(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  if (result.success) return {};
  const byField: Record<string, string[]> = {};
  for (const issue of result.error.issues) (byField[issue.path.join(".")] ??= []).push(issue.message);
  return byField;
}

describe("addMeasureSchema", () => {
  it("reads a form's strings: trimmed text, numbers from text, blanks as no number", () => {
    expect(addMeasureSchema.parse({ ...MEASURE, name: "  Deliveries on time ", baseline: " 84.5 ", target: "" })).toEqual({
      ...MEASURE,
      baseline: 84.5,
      target: null,
    });
    expect(addMeasureSchema.parse({ ...MEASURE, baseline: undefined, target: null })).toMatchObject({ baseline: null, target: null });
  });

  it.each(["abc", "12,5", "NaN", "Infinity", "1e400"])("refuses the baseline %j, naming it", (baseline) => {
    expect(messages(addMeasureSchema, { ...MEASURE, baseline })).toEqual({ baseline: ["The baseline must be a number, or left blank"] });
  });

  it("names a missing or overlong name and unit", () => {
    expect(messages(addMeasureSchema, { ...MEASURE, name: "  ", unit: "" })).toEqual({ name: ["Name the measure"], unit: ["Give the unit, e.g. % or minutes"] });
    expect(addMeasureSchema.safeParse({ ...MEASURE, name: "n".repeat(200), unit: "u".repeat(40) }).success).toBe(true);
    expect(messages(addMeasureSchema, { ...MEASURE, name: "n".repeat(201), unit: "u".repeat(41) })).toEqual({
      name: ["Keep the name under 200 characters"],
      unit: ["Keep the unit under 40 characters"],
    });
  });

  it.each(["RESULT", "outcome", "", undefined])("refuses the kind %j", (kind) => {
    expect(messages(addMeasureSchema, { ...MEASURE, kind })).toEqual({ kind: ["Choose whether this is an outcome, process or balancing measure"] });
  });

  it("refuses an unknown direction", () => {
    expect(messages(addMeasureSchema, { ...MEASURE, direction: "UP" })).toEqual({ direction: ["Choose whether the measure should increase or decrease"] });
  });

  it("wants the target better than the baseline in the measure's direction", () => {
    const message = { target: [expect.stringContaining("The target must be better than the baseline")] };
    expect(messages(addMeasureSchema, { ...MEASURE, target: "80" })).toEqual(message);
    expect(messages(addMeasureSchema, { ...MEASURE, target: "84" })).toEqual(message);
    expect(messages(addMeasureSchema, { ...MEASURE, direction: "DECREASE" })).toEqual(message);
    expect(addMeasureSchema.safeParse({ ...MEASURE, direction: "DECREASE", target: "80" }).success).toBe(true);
  });

  it("refuses a project id that is not a UUID; an update names its measure instead", () => {
    expect(messages(addMeasureSchema, { ...MEASURE, projectId: "42" })).toEqual({ projectId: ["Unknown project"] });
    const { projectId: _projectId, ...fields } = MEASURE;
    expect(updateMeasureSchema.parse({ ...fields, measureId: MEASURE_ID })).toMatchObject({ measureId: MEASURE_ID, baseline: 84, target: 96 });
    expect(messages(updateMeasureSchema, { ...fields, measureId: "x" })).toEqual({ measureId: ["Unknown measure"] });
  });
});

describe("addDataPointSchema", () => {
  it("reads the day as UTC midnight and the value as a number", () => {
    expect(addDataPointSchema.parse({ measureId: MEASURE_ID, date: "2024-02-29", value: "-3.25" })).toEqual({
      measureId: MEASURE_ID,
      date: new Date("2024-02-29T00:00:00.000Z"),
      value: -3.25,
    });
  });

  it("accepts today and refuses tomorrow", () => {
    expect(addDataPointSchema.safeParse({ measureId: MEASURE_ID, date: TODAY, value: "1" }).success).toBe(true);
    expect(messages(addDataPointSchema, { measureId: MEASURE_ID, date: TOMORROW, value: "1" })).toEqual({
      date: ["A data point cannot be dated in the future"],
    });
  });

  it.each([
    ["", "Enter a date as YYYY-MM-DD"],
    ["12/03/2024", "Enter a date as YYYY-MM-DD"],
    ["2023-02-29", "That date does not exist"],
    ["2024-13-01", "That date does not exist"],
    [undefined, "Enter a date"],
  ])("refuses the date %j", (date, message) => {
    expect(messages(addDataPointSchema, { measureId: MEASURE_ID, date, value: "1" })).toEqual({ date: [message] });
  });

  it.each(["", "  ", "abc", "12,5", "Infinity", null, undefined, Number.NaN])("refuses the value %j", (value) => {
    expect(messages(addDataPointSchema, { measureId: MEASURE_ID, date: "2024-03-12", value })).toEqual({ value: ["Enter the value as a number, like 12.5"] });
  });

  it("names an unknown measure or data point", () => {
    expect(messages(addDataPointSchema, { measureId: "m1", date: "2024-03-12", value: "1" })).toEqual({ measureId: ["Unknown measure"] });
    expect(messages(removeDataPointSchema, { dataPointId: "" })).toEqual({ dataPointId: ["Unknown data point"] });
  });
});

describe("PDSA cycle schemas", () => {
  const CYCLE = { projectId: PROJECT_ID, plan: "Try the new route sheet on two vans for a week", startDate: "2024-03-04" };

  it("adds a cycle with a blank prediction and end date stored as null, and nobody named", () => {
    expect(addCycleSchema.parse({ ...CYCLE, prediction: " ", endDate: "" })).toEqual({
      ...CYCLE,
      prediction: null,
      startDate: new Date("2024-03-04T00:00:00.000Z"),
      endDate: null,
      participantIds: [],
    });
  });

  it("reads the people named as ids, each once, however the checklist posted them", () => {
    const person = "3f1c9a52-2d4b-4c55-9d0e-3a6f1b2c4d5e";
    expect(addCycleSchema.parse({ ...CYCLE, participantIds: [person, person] }).participantIds).toEqual([person]);
    expect(addCycleSchema.parse({ ...CYCLE, participantIds: person }).participantIds).toEqual([person]);
    expect(addCycleSchema.parse({ ...CYCLE, participantIds: false }).participantIds).toEqual([]);
    expect(messages(addCycleSchema, { ...CYCLE, participantIds: ["not-a-person"] })).toEqual({
      "participantIds.0": ["Unknown person: choose people from the team's roster"],
    });
    // Left out when a cycle is recorded: its people stay as they are.
    expect(updateCycleSchema.parse({ cycleId: person }).participantIds).toBeUndefined();
  });

  it("names a missing or overlong plan and prediction", () => {
    expect(messages(addCycleSchema, { ...CYCLE, plan: " " })).toEqual({ plan: ["Describe the plan"] });
    expect(messages(addCycleSchema, { ...CYCLE, plan: "p".repeat(2001), prediction: "p".repeat(1001) })).toEqual({
      plan: ["Keep the plan under 2,000 characters"],
      prediction: ["Keep the prediction under 1,000 characters"],
    });
  });

  it("refuses dates in the future", () => {
    expect(messages(addCycleSchema, { ...CYCLE, startDate: TOMORROW, endDate: TOMORROW })).toEqual({
      startDate: ["A cycle cannot be dated in the future"],
      endDate: ["A cycle cannot be dated in the future"],
    });
  });

  it("updates only the fields sent: blank clears, left out keeps", () => {
    expect(updateCycleSchema.parse({ cycleId: MEASURE_ID, doNotes: "", study: " Held for a week ", decision: "ADAPT" })).toEqual({
      cycleId: MEASURE_ID,
      doNotes: null,
      study: "Held for a week",
      decision: "ADAPT",
    });
    expect(updateCycleSchema.parse({ cycleId: MEASURE_ID, decision: "", endDate: "" })).toEqual({ cycleId: MEASURE_ID, decision: null, endDate: null });
  });

  it("refuses an unknown decision and an unknown cycle", () => {
    expect(messages(updateCycleSchema, { cycleId: MEASURE_ID, decision: "KEEP" })).toEqual({ decision: ["Choose adopt, adapt or abandon"] });
    expect(messages(updateCycleSchema, { cycleId: "c1" })).toEqual({ cycleId: ["Unknown PDSA cycle"] });
  });
});
