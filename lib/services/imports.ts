import "server-only";
// The bulk import: a CSV file of one kind, read, checked row by row against the data as
// they are, and (mode "import") written in one transaction, all or nothing. The route
// app/api/admin/import/route.ts streams its progress; tests drive it directly.
import { scopeOrRefuse, type PersonActor } from "@/lib/auth/permissions";
import { decodeCsvText, parseCsv, type CsvRecord } from "@/lib/csv-read";
import { prisma } from "@/lib/db";
import { importReason } from "@/lib/domain/audit-actions";
import { InvalidInputError } from "@/lib/errors";
import { matchHeader, RowErrors, validateRecord, type FileColumns } from "@/lib/validation/import-rows";
import { IMPORT_DEFINITIONS, type ImportKind, type ImportMode, type ImportResult, type ImportStage } from "@/lib/validation/imports";
import { planOrganisation } from "./imports/organisation";
import { planPeople } from "./imports/people";
import { planRatings } from "./imports/ratings";
import { planRoles } from "./imports/roles";
import { planRosters } from "./imports/rosters";
import { insertAudit, RegionDirectory, type Db, type Plan, type PlanContext, type ValidRow } from "./imports/shared";

export type ImportInput = { kind: ImportKind; mode: ImportMode; fileName: string; bytes: Uint8Array };
export type ProgressListener = (stage: ImportStage, done: number, total: number) => void | Promise<void>;

// Each planner takes the rows its kind's schema produced.
const PLANNERS: Record<ImportKind, (rows: ValidRow<never>[], context: PlanContext) => Promise<Plan>> = {
  organisation: planOrganisation,
  people: planPeople,
  roles: planRoles,
  rosters: planRosters,
  ratings: planRatings,
};

/** Rows validated between two progress reports. */
const VALIDATION_CHUNK = 5_000;
/** Long enough for 150,000 rows on a slow disk; Prisma's default (5 s) is for a form's few writes. */
const TRANSACTION_TIMEOUT_MS = 10 * 60_000;
/** One key for every import: two at once would each plan against data the other is changing. */
const IMPORT_LOCK_KEY = 0x75_62_74_69; // "ubti"

/** Every row through the kind's schema, reporting progress (and letting the stream flush) between chunks. */
async function validateRows(kind: ImportKind, columns: FileColumns, records: CsvRecord[], errors: RowErrors, onProgress: ProgressListener) {
  const schema = IMPORT_DEFINITIONS[kind].schema;
  const rows: ValidRow<unknown>[] = [];
  for (let start = 0; start < records.length; start += VALIDATION_CHUNK) {
    for (const record of records.slice(start, start + VALIDATION_CHUNK)) {
      const value = validateRecord(schema, columns, record, errors);
      if (value !== undefined) rows.push({ row: record.row, value });
    }
    await onProgress("validating", Math.min(start + VALIDATION_CHUNK, records.length), records.length);
  }
  return rows;
}

function result(input: ImportInput, rows: number, plan: Plan, errors: RowErrors, written: boolean): ImportResult {
  return { kind: input.kind, mode: input.mode, rows, tallies: plan.tallies, errors: errors.sorted(), errorCount: errors.count, written };
}

/**
 * Previews or imports a file. A file that cannot be read as the kind's CSV is refused
 * with an InvalidInputError saying why; problems in rows come back as the result's errors
 * (by row and column), and then nothing is written. An import plans again inside its
 * transaction, after the lock, so it checks every row against the data as they are then.
 */
export async function importCsv(actor: PersonActor, input: ImportInput, onProgress: ProgressListener = () => {}, now: Date = new Date()): Promise<ImportResult> {
  scopeOrRefuse(actor, "admin.manage");
  await onProgress("parsing", 0, 1);
  const table = parseCsv(decodeCsvText(input.bytes));
  const columns = matchHeader(input.kind, table.header);
  if (table.records.length === 0) throw new InvalidInputError("The file has a header but no rows: there is nothing to import.");
  await onProgress("parsing", 1, 1);

  const errors = new RowErrors();
  const rows = await validateRows(input.kind, columns, table.records, errors, onProgress);
  const plan = async (db: Db) =>
    PLANNERS[input.kind](rows as ValidRow<never>[], { db, actor, errors, now, regions: await RegionDirectory.load(db, actor) });

  if (input.mode === "preview") return result(input, table.records.length, await plan(prisma), errors, false);

  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${IMPORT_LOCK_KEY})`;
      const planned = await plan(tx);
      if (errors.count > 0) return result(input, table.records.length, planned, errors, false);

      let done = 0;
      const reason = importReason(input.fileName);
      await planned.write({
        tx,
        actorId: actor.personId,
        reason,
        audit: (entries) => insertAudit(tx, actor.personId, reason, entries),
        written: async (count) => {
          done += count;
          await onProgress("writing", done, planned.changes);
        },
      });
      // A file that changes nothing leaves no trace: importing it again must not grow the log.
      if (planned.changes === 0) return result(input, table.records.length, planned, errors, true);
      await insertAudit(tx, actor.personId, reason, [
        { action: "import.completed", entityType: "Import", entityId: input.kind, after: { file: input.fileName, rows: table.records.length, tallies: planned.tallies } },
      ]);
      return result(input, table.records.length, planned, errors, true);
    },
    { timeout: TRANSACTION_TIMEOUT_MS, maxWait: TRANSACTION_TIMEOUT_MS },
  );
}
