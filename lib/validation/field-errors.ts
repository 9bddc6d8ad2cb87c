import type { FieldErrors } from "@/lib/errors";

/**
 * Validation errors as next-safe-action sends them: a tree mirroring the input, each
 * node's own messages under `_errors` (the root's are about the input as a whole).
 */
export type ErrorTree = { _errors?: string[] } & { [key: string]: ErrorTree | string[] | undefined };

/** Field errors keyed by path ("checks.3.evidence"; "" for the whole input) → the tree the action runtime returns. */
export function toErrorTree(fieldErrors: FieldErrors, formErrors: readonly string[] = []): ErrorTree {
  const tree: ErrorTree = {};
  if (formErrors.length > 0) tree._errors = [...formErrors];
  for (const [path, messages] of Object.entries(fieldErrors)) {
    let node = tree;
    for (const key of path ? path.split(".") : []) node = (node[key] ??= {}) as ErrorTree;
    node._errors = [...(node._errors ?? []), ...messages];
  }
  return tree;
}

/** The tree → the first message of each field by path, and the messages about the whole form. */
export function fromErrorTree(tree: ErrorTree): { fields: Record<string, string>; form: string[] } {
  const fields: Record<string, string> = {};
  const walk = (node: ErrorTree, path: string[]) => {
    for (const [key, value] of Object.entries(node)) {
      if (key === "_errors") {
        if (path.length > 0 && Array.isArray(value) && value[0]) fields[path.join(".")] ??= value[0];
      } else if (value && !Array.isArray(value)) walk(value, [...path, key]);
    }
  };
  walk(tree, []);
  return { fields, form: tree._errors ?? [] };
}
