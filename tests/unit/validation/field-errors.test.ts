import { describe, expect, it } from "vitest";
import { fromErrorTree, toErrorTree } from "@/lib/validation/field-errors";

describe("field errors as a tree", () => {
  it("nests dotted paths, keeps messages of the whole input at the root", () => {
    expect(toErrorTree({ amount: ["Enter an amount"], "checks.3.evidence": ["Too long"], "": ["Bad input"] }, ["Summary"])).toEqual({
      _errors: ["Summary", "Bad input"],
      amount: { _errors: ["Enter an amount"] },
      checks: { 3: { evidence: { _errors: ["Too long"] } } },
    });
  });

  it("reads back the first message of each field by path, and the form's", () => {
    const tree = toErrorTree({ amount: ["Enter an amount", "Second"], "checks.3.evidence": ["Too long"] }, ["Summary"]);
    expect(fromErrorTree(tree)).toEqual({ fields: { amount: "Enter an amount", "checks.3.evidence": "Too long" }, form: ["Summary"] });
    expect(fromErrorTree({})).toEqual({ fields: {}, form: [] });
  });
});
