import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  addCriterionSchema,
  draftSetSchema,
  removeCriterionSchema,
  renameDraftSchema,
  updateCriterionTextSchema,
} from "@/lib/validation/criteria";

const SET_ID = "7f1c9a52-2d4b-4c55-9d0e-3a6f1b2c4d5e";
const CRITERION_ID = "0b8e6f7a-1c2d-4e3f-8a9b-0c1d2e3f4a5b";
const VALID_ADDITION = { setId: SET_ID, dimension: "TRAINING", level: 3, text: "Team members read run charts" };

/** Each failing field with its messages (all of them, so a duplicate message would show). */
function messages(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  if (result.success) return {};
  const byField: Record<string, string[]> = {};
  for (const issue of result.error.issues) (byField[issue.path.join(".")] ??= []).push(issue.message);
  return byField;
}

describe("addCriterionSchema", () => {
  it("accepts a criterion, trimming the text and reading a form's level string", () => {
    expect(addCriterionSchema.parse({ ...VALID_ADDITION, level: "3", text: "  Team members read run charts \n" })).toEqual(VALID_ADDITION);
  });

  it.each([0, 6, 2.5, "abc", "", "0", "6", "2.5", null, undefined])("refuses level %j", (level) => {
    expect(messages(addCriterionSchema, { ...VALID_ADDITION, level })).toEqual({ level: ["Level must be a whole number from 1 to 5"] });
  });

  it.each(["TEAMWORK", "training", "", undefined, 3])("refuses dimension %j", (dimension) => {
    expect(messages(addCriterionSchema, { ...VALID_ADDITION, dimension })).toEqual({ dimension: ["Choose one of the seven dimensions"] });
  });

  it.each(["", "   ", "\n\t", undefined, null])("asks for text when it is %j", (text) => {
    expect(messages(addCriterionSchema, { ...VALID_ADDITION, text })).toEqual({ text: ["Write the criterion"] });
  });

  it("takes 500 characters and refuses 501", () => {
    expect(addCriterionSchema.safeParse({ ...VALID_ADDITION, text: "x".repeat(500) }).success).toBe(true);
    expect(messages(addCriterionSchema, { ...VALID_ADDITION, text: "x".repeat(501) })).toEqual({ text: ["Keep a criterion under 500 characters"] });
  });

  it("counts the length after trimming", () => {
    expect(addCriterionSchema.safeParse({ ...VALID_ADDITION, text: ` ${"x".repeat(500)} ` }).success).toBe(true);
  });

  it("refuses a set id that is not a UUID", () => {
    expect(messages(addCriterionSchema, { ...VALID_ADDITION, setId: "1" })).toEqual({ setId: ["Unknown criteria set"] });
  });
});

describe("updateCriterionTextSchema and removeCriterionSchema", () => {
  it("accept a criterion id and text", () => {
    expect(updateCriterionTextSchema.parse({ criterionId: CRITERION_ID, text: " Sponsors are named " })).toEqual({
      criterionId: CRITERION_ID,
      text: "Sponsors are named",
    });
    expect(removeCriterionSchema.parse({ criterionId: CRITERION_ID })).toEqual({ criterionId: CRITERION_ID });
  });

  it.each(["", "42", "not-a-uuid", `${CRITERION_ID}x`, undefined])("call criterion id %j unknown", (criterionId) => {
    expect(messages(updateCriterionTextSchema, { criterionId, text: "Sponsors are named" })).toEqual({ criterionId: ["Unknown criterion"] });
    expect(messages(removeCriterionSchema, { criterionId })).toEqual({ criterionId: ["Unknown criterion"] });
  });

  it("name a blank or overlong text", () => {
    expect(messages(updateCriterionTextSchema, { criterionId: CRITERION_ID, text: " " })).toEqual({ text: ["Write the criterion"] });
    expect(messages(updateCriterionTextSchema, { criterionId: CRITERION_ID, text: "y".repeat(501) })).toEqual({
      text: ["Keep a criterion under 500 characters"],
    });
  });
});

describe("renameDraftSchema and draftSetSchema", () => {
  it("name each problem", () => {
    expect(messages(renameDraftSchema, { setId: SET_ID, name: "  " })).toEqual({ name: ["Name the criteria set"] });
    expect(messages(renameDraftSchema, { setId: SET_ID, name: "n".repeat(161) })).toEqual({ name: ["Keep the name under 160 characters"] });
    expect(messages(draftSetSchema, { setId: "draft" })).toEqual({ setId: ["Unknown criteria set"] });
  });

  it("trim the name", () => {
    expect(renameDraftSchema.parse({ setId: SET_ID, name: " Path to Performance — 2025 " })).toEqual({
      setId: SET_ID,
      name: "Path to Performance — 2025",
    });
  });
});
