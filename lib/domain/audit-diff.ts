// What an audit entry changed, field by field: the entry keeps snapshots of the record
// before and after (either may be missing: a creation has no before, a removal no after),
// and history shows the fields that differ between them.

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export type FieldChange = {
  /** Where the field sits: ["title"], or for nested values ["checks", "<criterion id>", "met"]. */
  path: string[];
  /** Added: only after has a value; removed: only before has one; changed: both, different. The empty side is null or undefined (missing). */
  kind: "added" | "removed" | "changed";
  before: JsonValue | undefined;
  after: JsonValue | undefined;
};

/**
 * The fields that differ between two snapshots. Objects are compared key by key, nested ones
 * too; a list of records that each carry an id (a rating's criteria checks) is compared
 * record by record under that id; any other list is one value, its order ignored when it
 * holds plain values (ticking choices in another order changes nothing). A creation lists
 * what it set, a removal what it removed; empty fields (null, an empty list) are left out of both.
 */
export function diffSnapshots(before: JsonValue | null | undefined, after: JsonValue | null | undefined): FieldChange[] {
  const changes: FieldChange[] = [];
  compare([], normalise(before ?? undefined), normalise(after ?? undefined), changes);
  return changes;
}

/** Fields whose list items are matched by these keys, in this order of preference. */
const ITEM_KEYS = ["id", "criterionId", "dimension"] as const;

type Normalised = JsonValue | undefined;

function isRecord(value: Normalised): value is { [key: string]: JsonValue } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A list of records that all carry the same id field, distinct: as a record keyed by it. */
function keyedList(list: JsonValue[]): { [key: string]: JsonValue } | null {
  if (list.length === 0 || !list.every(isRecord)) return null;
  const records = list as { [key: string]: JsonValue }[];
  for (const key of ITEM_KEYS) {
    const ids = records.map((record) => record[key]);
    if (ids.every((id) => typeof id === "string") && new Set(ids).size === ids.length) {
      return Object.fromEntries(records.map((record) => [record[key] as string, withoutKey(record, key)]));
    }
  }
  return null;
}

function withoutKey(record: { [key: string]: JsonValue }, key: string): { [key: string]: JsonValue } {
  return Object.fromEntries(Object.entries(record).filter(([name]) => name !== key));
}

function normalise(value: Normalised): Normalised {
  if (Array.isArray(value)) {
    const keyed = keyedList(value);
    if (keyed) return normalise(keyed);
    return value.every((item) => !isRecord(item) && !Array.isArray(item)) ? [...value].sort(byText) : value;
  }
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, normalise(item)!]));
  return value;
}

function byText(a: JsonValue, b: JsonValue): number {
  return JSON.stringify(a).localeCompare(JSON.stringify(b));
}

/** No value: missing, null, or an empty list (no tools chosen). */
function isEmpty(value: Normalised): boolean {
  return value === undefined || value === null || (Array.isArray(value) && value.length === 0);
}

function compare(path: string[], before: Normalised, after: Normalised, changes: FieldChange[]): void {
  // An empty list beside a keyed one is a keyed list with nothing in it (no criterion ticked yet).
  if (isRecord(after) && Array.isArray(before) && before.length === 0) before = {};
  if (isRecord(before) && Array.isArray(after) && after.length === 0) after = {};
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(after), ...Object.keys(before)])];
    for (const key of keys) compare([...path, key], before[key], after[key], changes);
    return;
  }
  // A creation or a removal: each field it set or removed, at any depth.
  if (isEmpty(before) && isRecord(after)) return compare(path, {}, after, changes);
  if (isRecord(before) && isEmpty(after)) return compare(path, before, {}, changes);

  if (isEmpty(before) && isEmpty(after)) return;
  // The empty side is kept as it was (null or missing): to some fields null means something ("below level 1").
  if (isEmpty(before)) changes.push({ path, kind: "added", before, after });
  else if (isEmpty(after)) changes.push({ path, kind: "removed", before, after });
  else if (JSON.stringify(before) !== JSON.stringify(after)) changes.push({ path, kind: "changed", before, after });
}
