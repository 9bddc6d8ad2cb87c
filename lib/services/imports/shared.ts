import "server-only";
import { can, type PersonActor } from "@/lib/auth/permissions";
import type { AuditAction } from "@/lib/domain/audit-actions";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RowErrors } from "@/lib/validation/import-rows";
import type { PersonReference, Tally } from "@/lib/validation/imports";

// What every kind's importer shares: the context a plan is made in, the lookups several
// kinds need (regions, teams by code, people by email or employee id), and the set-based
// audit insert.

/** The database a plan reads from: the client for a preview, the import's transaction for an import. */
export type Db = Prisma.TransactionClient;

/** Rows per statement: each column travels as one array parameter. */
export const BATCH_SIZE = 10_000;

export type ValidRow<T> = { row: number; value: T };

export type Region = { id: string; slug: string; name: string };

export type PlanContext = {
  db: Db;
  actor: PersonActor;
  errors: RowErrors;
  regions: RegionDirectory;
  now: Date;
};

/** What a file would change, and how to write it once every row is known to be right. */
export type Plan = {
  tallies: Record<string, Tally>;
  /** Records the writing step creates or updates (the denominator of its progress). */
  changes: number;
  write(writer: Writer): Promise<void>;
};

export type AuditRow = { action: AuditAction; entityType: string; entityId: string; before?: unknown; after?: unknown };

/** The import's transaction, who the writes are attributed to, and the progress of the writing step. */
export type Writer = {
  tx: Db;
  actorId: string;
  reason: string;
  audit(rows: readonly AuditRow[]): Promise<void>;
  /** `count` more records written. */
  written(count: number): Promise<void>;
};

export function tally(): Tally {
  return { created: 0, updated: 0, unchanged: 0 };
}

export function batches<T>(items: readonly T[], size = BATCH_SIZE): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}

/** Lower-cased with runs of spaces as one: names match however a spreadsheet capitalised them. */
export function nameKey(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, " ");
}

/** The regions by slug and name, and whether the actor administers each. */
export class RegionDirectory {
  private readonly byText = new Map<string, Region>();
  private readonly byId = new Map<string, Region>();

  constructor(
    regions: readonly Region[],
    private readonly actor: PersonActor,
  ) {
    for (const region of regions) {
      this.byText.set(nameKey(region.slug), region);
      this.byText.set(nameKey(region.name), region);
      this.byId.set(region.id, region);
    }
  }

  static async load(db: Db, actor: PersonActor): Promise<RegionDirectory> {
    const regions = await db.region.findMany({ select: { id: true, slug: true, name: true }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }] });
    return new RegionDirectory(regions, actor);
  }

  find(text: string): Region | undefined {
    return this.byText.get(nameKey(text));
  }

  get(id: string): Region {
    const region = this.byId.get(id);
    if (!region) throw new Error(`Unknown region ${id}`);
    return region;
  }

  unknownMessage(text: string): string {
    const examples = [...this.byId.values()].slice(0, 2).map((region) => region.slug);
    return `There is no region "${text}": use a region's slug or name, such as ${examples.join(" or ")}`;
  }

  /** Null when the actor administers the region; otherwise the refusal, naming it. */
  refusal(regionId: string, what = "It"): string | null {
    if (can(this.actor, "admin.manage", { kind: "region", regionId })) return null;
    return `${what} is in ${this.get(regionId).name}, which is not one of the regions you administer: only its administrators or a national administrator can import it`;
  }

  /** Null when the actor administers the whole partnership (national records need that). */
  nationalRefusal(what: string): string | null {
    if (can(this.actor, "admin.manage", { kind: "national" })) return null;
    return `${what} is national: only a national administrator can import it`;
  }
}

/** Finds a key met earlier in the file, so a duplicate names both rows. */
export class FirstRows {
  private readonly rows = new Map<string, number>();

  /** The row that already had `key`, or undefined (and `row` is remembered as its first). */
  seen(key: string, row: number): number | undefined {
    const first = this.rows.get(key);
    if (first === undefined) this.rows.set(key, row);
    return first;
  }
}

export type TeamRecord = {
  id: string;
  code: string;
  name: string;
  regionId: string;
  departmentId: string;
  unionLocalId: string | null;
  charteredQuarter: string;
  retiredQuarter: string | null;
};

/** The teams with these codes (codes are kept in capitals, as teamCodeSchema writes them). */
export async function teamsByCode(db: Db, codes: readonly string[]): Promise<Map<string, TeamRecord>> {
  const teams = await db.$queryRaw<TeamRecord[]>`
    SELECT id, code, name, "regionId", "departmentId", "unionLocalId", "charteredQuarter", "retiredQuarter"
    FROM "Team" WHERE code = ANY(${[...new Set(codes)]}::text[])`;
  return new Map(teams.map((team) => [team.code, team]));
}

export async function unionLocalsByName(db: Db): Promise<Map<string, { id: string; name: string }>> {
  const locals = await db.unionLocal.findMany({ select: { id: true, name: true } });
  return new Map(locals.map((local) => [nameKey(local.name), local]));
}

export function unknownUnionLocal(text: string): string {
  return `There is no union local named "${text}": use its name as the app lists it`;
}

/** People named in a file's `person` column, found by employee id or email. */
export class PeopleDirectory {
  private constructor(
    private readonly byEmployeeId: Map<string, string>,
    private readonly byEmail: Map<string, string>,
  ) {}

  static async load(db: Db, references: readonly PersonReference[]): Promise<PeopleDirectory> {
    const employeeIds = [...new Set(references.flatMap((reference) => ("employeeId" in reference ? [reference.employeeId] : [])))];
    const emails = [...new Set(references.flatMap((reference) => ("email" in reference ? [reference.email] : [])))];
    const people = await db.$queryRaw<{ id: string; email: string | null; employeeId: string | null }[]>`
      SELECT id, email, "employeeId" FROM "Person"
      WHERE "employeeId" = ANY(${employeeIds}::text[]) OR email = ANY(${emails}::text[])`;
    return new PeopleDirectory(
      new Map(people.filter((person) => person.employeeId).map((person) => [person.employeeId!, person.id])),
      new Map(people.filter((person) => person.email).map((person) => [person.email!, person.id])),
    );
  }

  find(reference: PersonReference): string | undefined {
    return "email" in reference ? this.byEmail.get(reference.email) : this.byEmployeeId.get(reference.employeeId);
  }

  static unknownMessage(reference: PersonReference): string {
    return "email" in reference
      ? `There is no person with the email ${reference.email}: import them in the people file first`
      : `There is no person with the employee id ${reference.employeeId}: import them in the people file first`;
  }
}

/** Appends audit entries set-based, in the import's transaction (one statement per batch, not one per record). */
export async function insertAudit(tx: Db, actorId: string, reason: string, rows: readonly AuditRow[]): Promise<void> {
  for (const batch of batches(rows)) {
    await tx.$executeRaw`
      INSERT INTO "AuditEntry" ("actorId", action, "entityType", "entityId", before, after, reason)
      SELECT ${actorId}::uuid, u.action, u."entityType", u."entityId", u.before::jsonb, u.after::jsonb, ${reason}
      FROM unnest(
        ${batch.map((row) => row.action)}::text[],
        ${batch.map((row) => row.entityType)}::text[],
        ${batch.map((row) => row.entityId)}::text[],
        ${batch.map((row) => (row.before === undefined ? null : JSON.stringify(row.before)))}::text[],
        ${batch.map((row) => (row.after === undefined ? null : JSON.stringify(row.after)))}::text[]
      ) AS u(action, "entityType", "entityId", before, after)`;
  }
}
