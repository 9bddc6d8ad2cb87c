/**
 * Loads the generated seed into an empty database in one transaction. About
 * 1.4 million rows, so it loads the way pg_restore does: keys, indexes and
 * foreign keys are dropped, the rows go in as bulk `INSERT … SELECT … FROM
 * unnest(…)` statements (one array parameter per column), then the indexes are
 * built and the foreign keys added back, which validates every reference in one
 * pass. Row-by-row index and foreign-key maintenance would take several times
 * longer.
 */
import pg from "pg";
import { hashPassword } from "@/lib/auth/password";
import { DEMO_PASSWORD } from "./demo-accounts";
import { generateScaledData, generateSeedData } from "./generate";
import { SEED_TABLES, type SeedData } from "./types";

/** Rows per statement: large enough to amortise round trips, small enough to keep parameters modest. */
const ROWS_PER_STATEMENT = 20_000;

export interface SeedResult {
  seeded: boolean;
  /** Rows inserted per table (empty when skipped). */
  counts: Record<string, number>;
}

/** True when no region exists yet: the seed's test for an empty database. */
export async function isDatabaseEmpty(databaseUrl: string): Promise<boolean> {
  return withClient(databaseUrl, hasNoRegions);
}

/** Seeds reference and demo data, as of `now` (default: the current time), only into an empty database. */
export async function seedDatabase(databaseUrl: string, options: { now?: Date } = {}): Promise<SeedResult> {
  const skipped: SeedResult = { seeded: false, counts: {} };
  // Checked first, so a database that has data costs neither the slow hash nor the generation.
  if (!(await isDatabaseEmpty(databaseUrl))) return skipped;

  const data = generateSeedData({ now: options.now ?? new Date(), passwordHash: await hashPassword(DEMO_PASSWORD) });
  return withClient(databaseUrl, async (client) => {
    await client.query("BEGIN");
    try {
      // A concurrent seeder waits here, then finds the regions this one inserted.
      await client.query('LOCK TABLE "Region" IN SHARE ROW EXCLUSIVE MODE');
      const result = (await hasNoRegions(client)) ? { seeded: true, counts: await insertAll(client, [{ rows: data }]) } : skipped;
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK");
      throw error;
    }
  });
}

/**
 * Loads `scale` times the partnership (prisma/seed/generate.ts generateScaledData)
 * into an empty, migrated database in one transaction, as of `now`, with the demo
 * accounts. `onPhase` is told as each phase of the load begins, for timing.
 */
export async function loadScaledData(
  databaseUrl: string,
  options: { scale: number; now: Date; onPhase?: (phase: string) => void },
): Promise<Record<string, number>> {
  const batches = generateScaledData({ now: options.now, scale: options.scale, passwordHash: await hashPassword(DEMO_PASSWORD) });
  return withClient(databaseUrl, async (client) => {
    await client.query("BEGIN");
    try {
      const counts = await insertAll(client, batches, options.onPhase);
      await client.query("COMMIT");
      return counts;
    } catch (error) {
      await client.query("ROLLBACK");
      throw error;
    }
  });
}

/** Rows for some of the tables, in any order: keys and foreign keys are only checked once all are in. */
interface Batch {
  phase?: string;
  rows: Partial<SeedData>;
}

async function insertAll(client: pg.Client, batches: Iterable<Batch>, onPhase?: (phase: string) => void): Promise<Record<string, number>> {
  const columnTypes = await readColumnTypes(client);
  const counts: Record<string, number> = Object.fromEntries(SEED_TABLES.map(([, table]) => [table, 0]));
  // Index builds after the load sort in memory rather than on disk.
  await client.query("SET LOCAL maintenance_work_mem = '1GB'");
  const writer = new RowWriter(client);
  await withIndexesDeferred(
    client,
    SEED_TABLES.map(([, table]) => table),
    async () => {
      let currentPhase: string | undefined;
      for (const { phase, rows } of batches) {
        if (phase !== undefined && phase !== currentPhase) onPhase?.((currentPhase = phase));
        for (const [key, table] of SEED_TABLES) {
          counts[table] = (counts[table] ?? 0) + (await writer.insert(table, rows[key] ?? [], columnTypes.get(table)));
        }
      }
      await writer.finish();
      onPhase?.("keys, indexes and foreign keys");
    },
  );
  // Planner statistics now, not whenever autovacuum gets round to it: the first reads of a fresh
  // database otherwise plan joins over "empty" tables (the linkage page took over 30 s that way).
  await client.query(`ANALYZE ${SEED_TABLES.map(([, table]) => quoteIdentifier(table)).join(", ")}`);
  onPhase?.("engagement");
  await client.query(`SELECT "team_engagement_refresh"(array(SELECT DISTINCT "teamId" FROM "TeamMember"))`);
  await client.query(`ANALYZE "TeamQuarterEngagement"`);
  onPhase?.("linkage activity");
  await client.query(`SELECT "linkage_activity_refresh"(array(SELECT id FROM "Team"))`);
  await client.query(`ANALYZE "LinkageActivity"`);
  onPhase?.("practice rank");
  await client.query(`SELECT "practice_rank_refresh"()`);
  // The ANALYZE above saw every project at 0 adopters and savings: the library's plan needs the real spread.
  await client.query(`ANALYZE "Project"`);
  onPhase?.("overview roll-up");
  await client.query(`SELECT "overview_rollup_refresh"(array(SELECT id FROM "Facility"))`);
  await client.query(`ANALYZE "OverviewRollup"`);
  return counts;
}

async function withClient<T>(databaseUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function hasNoRegions(client: pg.Client): Promise<boolean> {
  const result = await client.query('SELECT EXISTS (SELECT 1 FROM "Region") AS "hasRegions"');
  return result.rows[0]?.hasRegions === false;
}

// ───────────────────────────── keys and indexes ─────────────────────────────

interface Definition {
  table: string;
  name: string;
  definition: string;
}

/**
 * Runs `load` with the tables' primary keys, indexes and foreign keys (also
 * those of other tables pointing at them) dropped, then recreates them under
 * the same names. Only the tables' owner may do this; anyone else loads with
 * everything in place, just more slowly.
 */
async function withIndexesDeferred(client: pg.Client, tables: readonly string[], load: () => Promise<void>): Promise<void> {
  const tableNames = tables.map(quoteIdentifier);
  const foreignKeys = await definitions(
    client,
    `SELECT conrelid::regclass::text AS "table", conname AS name, pg_get_constraintdef(oid) AS definition
     FROM pg_constraint
     WHERE contype = 'f' AND (conrelid = ANY($1::regclass[]) OR confrelid = ANY($1::regclass[]))`,
    tableNames,
  );
  const primaryKeys = await definitions(
    client,
    `SELECT conrelid::regclass::text AS "table", conname AS name, pg_get_constraintdef(oid) AS definition
     FROM pg_constraint WHERE contype = 'p' AND conrelid = ANY($1::regclass[])`,
    tableNames,
  );
  const indexes = await definitions(
    client,
    `SELECT i.indrelid::regclass::text AS "table", i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
     FROM pg_index i
     WHERE i.indrelid = ANY($1::regclass[])
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.contype IN ('p', 'u', 'x'))`,
    tableNames,
  );
  const affectedTables = [...new Set([...tableNames, ...foreignKeys.map(({ table }) => table)])];
  if (!(await ownsAll(client, affectedTables))) return load();

  const dropConstraint = ({ table, name }: Definition) => `ALTER TABLE ${table} DROP CONSTRAINT ${quoteIdentifier(name)}`;
  const addConstraint = ({ table, name, definition }: Definition) =>
    `ALTER TABLE ${table} ADD CONSTRAINT ${quoteIdentifier(name)} ${definition}`;
  // Engagement's and linkage's pre-aggregates are recomputed per team, the overview's per facility, and the
  // practice rank updated per project, after each statement (through keys dropped here): all
  // off during the load, and made once for everything afterwards (insertAll). The figures'
  // version would queue one deferred event per row loaded: it is raised once at the end.
  const aggregateTriggers = (
    await client.query<{ table: string; name: string }>(
      `SELECT tgrelid::regclass::text AS "table", tgname AS name FROM pg_trigger WHERE tgname ~ '_(engagement|linkage_activity|practice_rank|rollup_overview|figures_version)_' AND NOT tgisinternal`,
    )
  ).rows;
  const setTrigger = (state: "DISABLE" | "ENABLE") => ({ table, name }: { table: string; name: string }) => `ALTER TABLE ${table} ${state} TRIGGER ${quoteIdentifier(name)}`;
  await runAll(client, [
    ...foreignKeys.map(dropConstraint),
    ...primaryKeys.map(dropConstraint),
    ...indexes.map(({ name }) => `DROP INDEX ${name}`),
    ...aggregateTriggers.map(setTrigger("DISABLE")),
  ]);
  await load();
  await runAll(client, [
    ...primaryKeys.map(addConstraint),
    ...indexes.map(({ definition }) => definition),
    ...foreignKeys.map(addConstraint),
    ...aggregateTriggers.map(setTrigger("ENABLE")),
    `SELECT nextval('"figures_version"')`,
  ]);
}

async function definitions(client: pg.Client, sql: string, tableNames: readonly string[]): Promise<Definition[]> {
  return (await client.query<Definition>(sql, [tableNames])).rows;
}

async function ownsAll(client: pg.Client, tableNames: readonly string[]): Promise<boolean> {
  const result = await client.query<{ owns: boolean }>(
    `SELECT bool_and(pg_has_role(relowner, 'USAGE')) AS owns FROM pg_class WHERE oid = ANY($1::regclass[])`,
    [tableNames],
  );
  return result.rows[0]?.owns === true;
}

async function runAll(client: pg.Client, statements: readonly string[]): Promise<void> {
  for (const statement of statements) await client.query(statement);
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

// ───────────────────────────── rows ─────────────────────────────

/** Each table's columns and their SQL types ("uuid", "character varying(160)", "\"CompassPoint\"[]"…). */
async function readColumnTypes(client: pg.Client): Promise<Map<string, Map<string, string>>> {
  const result = await client.query<{ table: string; column: string; type: string }>(`
    SELECT c.relname AS "table", a.attname AS "column", format_type(a.atttypid, a.atttypmod) AS "type"
    FROM pg_attribute a
    JOIN pg_class c ON c.oid = a.attrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped`);
  const tables = new Map<string, Map<string, string>>();
  for (const { table, column, type } of result.rows) {
    const columns = tables.get(table) ?? new Map<string, string>();
    columns.set(column, type);
    tables.set(table, columns);
  }
  return tables;
}

/**
 * One array parameter per column, typed as the column's own type, so one
 * statement shape serves every table. Array columns (compass points, tools)
 * travel as text and are cast, because `unnest` would flatten an array of arrays.
 * One statement is in flight while the next one's parameters (and the next
 * batch of rows) are built.
 */
class RowWriter {
  private previous: Promise<unknown> = Promise.resolve();

  constructor(private readonly client: pg.Client) {}

  /** Sends the rows (the last statement may still be running when this returns); returns how many. */
  async insert(table: string, rows: readonly object[], columnTypes: ReadonlyMap<string, string> | undefined): Promise<number> {
    const first = rows[0];
    if (!first) return 0;
    if (!columnTypes) throw new Error(`Table "${table}" does not exist: apply the migrations first`);
    const columns = Object.keys(first).map((name) => {
      const type = columnTypes.get(name);
      if (!type) throw new Error(`Column "${table}"."${name}" does not exist`);
      return { name, type, isArray: type.endsWith("[]") };
    });
    const statement = insertStatement(table, columns);
    for (let offset = 0; offset < rows.length; offset += ROWS_PER_STATEMENT) {
      const chunk = rows.slice(offset, offset + ROWS_PER_STATEMENT) as readonly Record<string, unknown>[];
      const parameters = columns.map(({ name, type }) => arrayLiteral(chunk.map((row) => toSqlText(row[name], type))));
      await this.previous;
      this.previous = this.client.query(statement, parameters);
      // Awaited before the next statement or in finish(); until then a failure must not count as unhandled.
      this.previous.catch(() => {});
    }
    return rows.length;
  }

  /** Waits for the last statement. */
  async finish(): Promise<void> {
    await this.previous;
  }
}

function insertStatement(table: string, columns: readonly { name: string; type: string; isArray: boolean }[]): string {
  return [
    `INSERT INTO ${quoteIdentifier(table)} (${columns.map(({ name }) => quoteIdentifier(name)).join(", ")})`,
    `SELECT ${columns.map(({ type, isArray }, index) => (isArray ? `v${index}::${type}` : `v${index}`)).join(", ")}`,
    `FROM unnest(${columns.map(({ type, isArray }, index) => `$${index + 1}::${isArray ? "text" : type}[]`).join(", ")})`,
    `AS input(${columns.map((_, index) => `v${index}`).join(", ")})`,
  ].join(" ");
}

/** A Postgres array literal, built here because pg's own array encoding is slow for this volume. */
function arrayLiteral(values: readonly (string | null)[]): string {
  const elements = values.map((value) => (value === null ? "NULL" : `"${value.replace(/[\\"]/g, "\\$&")}"`));
  return `{${elements.join(",")}}`;
}

function toSqlText(value: unknown, sqlType: string): string | null {
  if (value === null || value === undefined) return null;
  // Prisma stores DateTime as UTC in `timestamp(3) without time zone`; `date` columns take the UTC day.
  if (value instanceof Date) return sqlType === "date" ? value.toISOString().slice(0, 10) : value.toISOString().slice(0, 23);
  // Array columns hold enum values only (compass points, tools): plain identifiers need no quoting.
  if (Array.isArray(value)) return `{${value.join(",")}}`;
  return String(value);
}
