import { parseArgs } from "node:util";

/** What `npm run bench` was asked to do (lib/cli/bench.ts). */
export type BenchOptions = {
  /** How many times the partnership the database holds: it chooses the database (`ubt_scale_<N>`) and the targets. */
  scale: number;
  /** A database to use instead of `ubt_scale_<N>`: a name on the app's database server, or a PostgreSQL URL. */
  database: { kind: "name"; name: string } | { kind: "url"; url: string } | null;
  /** Timed requests per page (and SQL floor runs, and mutations), after the warm-up. */
  samples: number;
  /** Seconds of each mixed-load run. */
  durationSeconds: number;
  skipLighthouse: boolean;
  skipLoad: boolean;
  /** The web server's port; null: a free one the system gives. */
  port: number | null;
  help: boolean;
};

export const BENCH_USAGE = `Usage: npm run bench -- --scale <N> [options]

Benchmarks a production build of the app on the database ubt_scale_<N>
(made by: npm run db:generate -- --scale <N>).

  --scale <N>             times the partnership (1, 10, …); chooses the database and the targets
  --database <name|url>   another database instead: a name on the app's database server,
                          or a postgresql:// URL (--scale then only chooses the targets; default 1)
  --samples <n>           timed requests per page, SQL floor and mutation (default 30)
  --duration <seconds>    length of each mixed-load run (default 20)
  --port <port>           the web server's port (default: a free one)
  --skip-lighthouse       no Lighthouse runs
  --skip-load             no mixed-load (autocannon) runs
  --help                  this text`;

/** A command line that cannot be run as given; the message says what to change. */
export class BenchUsageError extends Error {}

const DATABASE_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

function positiveInteger(flag: string, raw: string | undefined, fallback: number, max: number): number {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > max) {
    throw new BenchUsageError(`--${flag} must be a whole number from 1 to ${max.toLocaleString("en-US")}, got "${raw}".`);
  }
  return Number(raw);
}

function parseDatabase(raw: string | undefined): BenchOptions["database"] {
  if (raw === undefined) return null;
  if (/^postgres(ql)?:\/\//.test(raw)) {
    try {
      new URL(raw);
    } catch {
      throw new BenchUsageError(`--database "${raw}" is not a valid PostgreSQL URL.`);
    }
    return { kind: "url", url: raw };
  }
  if (!DATABASE_NAME.test(raw)) {
    throw new BenchUsageError(`--database must be a database name (letters, digits and _, not starting with a digit) or a postgresql:// URL, got "${raw}".`);
  }
  return { kind: "name", name: raw };
}

/** Reads the command line (the arguments after `npm run bench --`); a mistake throws BenchUsageError. */
export function parseBenchOptions(argv: readonly string[]): BenchOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        scale: { type: "string" },
        database: { type: "string" },
        samples: { type: "string" },
        duration: { type: "string" },
        port: { type: "string" },
        "skip-lighthouse": { type: "boolean", default: false },
        "skip-load": { type: "boolean", default: false },
        help: { type: "boolean", default: false },
      },
    }));
  } catch (error) {
    throw new BenchUsageError(`${(error as Error).message}\n\n${BENCH_USAGE}`);
  }
  const database = parseDatabase(values.database);
  if (!values.help && values.scale === undefined && database === null) {
    throw new BenchUsageError(`Give the scale to benchmark, e.g. --scale 1 (or a database with --database).\n\n${BENCH_USAGE}`);
  }
  return {
    scale: positiveInteger("scale", values.scale, 1, 1000),
    database,
    samples: positiveInteger("samples", values.samples, 30, 10_000),
    durationSeconds: positiveInteger("duration", values.duration, 20, 3600),
    port: values.port === undefined ? null : positiveInteger("port", values.port, 0, 65_535),
    skipLighthouse: values["skip-lighthouse"],
    skipLoad: values["skip-load"],
    help: values.help,
  };
}

/** The database `npm run db:generate -- --scale <N>` creates. */
export function scaleDatabaseName(scale: number): string {
  return `ubt_scale_${scale}`;
}
