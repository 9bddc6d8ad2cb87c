import { readFileSync } from "node:fs";
import path from "node:path";
import type pg from "pg";
import { WARM_UP_RUNS } from "./measure";
import type { Fixtures } from "./pages";
import { percentiles, type Percentiles } from "./stats";

// The main writes, sent through Next's real server-action transport as the browser sends
// them (a POST to the form's page with the action's id from the build's manifest), so each
// time includes the session check, parsing, the service's transaction and the re-render of
// the page the action revalidates. What each needs (versions, ids) is read with SQL between
// the timed requests.

export const ACTION_NAMES = ["saveRatingAction", "signRatingAction", "updateProjectAction", "reportSavingsAction"] as const;
type ActionName = (typeof ACTION_NAMES)[number];

/** Action ids by exported name, from the production build's manifest. */
export function readActionIds(root: string): Record<ActionName, string> {
  const manifest = JSON.parse(readFileSync(path.join(root, ".next/server/server-reference-manifest.json"), "utf8")) as { node: Record<string, { exportedName?: string }> };
  const ids = new Map(Object.entries(manifest.node).map(([id, entry]) => [entry.exportedName, id]));
  return Object.fromEntries(
    ACTION_NAMES.map((name) => {
      const id = ids.get(name);
      if (!id) throw new Error(`The build has no server action named ${name}: rebuild (npm run build).`);
      return [name, id];
    }),
  ) as Record<ActionName, string>;
}

export type ActionCaller = (action: ActionName, pagePath: string, input: unknown) => Promise<number>;

/**
 * Calls an action as the signed-in person; its time in ms. A refusal or error in the answer
 * (next-safe-action's serverError or validationErrors) fails the run with its text.
 */
export function actionCaller(baseUrl: string, cookie: string, ids: Record<ActionName, string>): ActionCaller {
  return async (action, pagePath, input) => {
    const started = performance.now();
    const response = await fetch(`${baseUrl}${pagePath}`, {
      method: "POST",
      redirect: "manual",
      headers: { cookie, "next-action": ids[action], "content-type": "text/plain;charset=UTF-8", accept: "text/x-component", origin: baseUrl },
      body: JSON.stringify([input]),
    });
    const text = await response.text();
    const ms = performance.now() - started;
    if (response.status !== 200) throw new Error(`${action} answered HTTP ${response.status}`);
    const refusal = /"(serverError|validationErrors)":(.{0,300})/.exec(text);
    if (refusal) throw new Error(`${action} was refused: ${refusal[1]} ${refusal[2]}`);
    return ms;
  };
}

export type MutationTiming = { name: string; role: string; detail: string } & Percentiles;

async function timedRuns(samples: number, run: (index: number) => Promise<number>): Promise<Percentiles> {
  const times: number[] = [];
  for (let index = 0; index < WARM_UP_RUNS + samples; index += 1) {
    const ms = await run(index);
    if (index >= WARM_UP_RUNS) times.push(ms);
  }
  return percentiles(times);
}

async function row<T>(client: pg.Client, what: string, text: string, values: unknown[]): Promise<T> {
  const { rows } = await client.query(text, values);
  if (!rows[0]) throw new Error(`No ${what} to benchmark with.`);
  return rows[0] as T;
}

/**
 * Save and sign: the demo union sponsor rates one of their teams for this quarter (every
 * level-1 criterion met, one level-2 criterion toggled each time so the content changes and
 * the previous signature is voided), then signs it. The management side never signs, so the
 * rating never becomes final and can be saved again.
 */
export async function benchRatings(client: pg.Client, call: ActionCaller, fixtures: Fixtures, samples: number): Promise<MutationTiming[]> {
  const quarter = fixtures.currentQuarter;
  const { teamId } = await row<{ teamId: string }>(
    client,
    "team of the union sponsor with an open rating this quarter",
    `SELECT ra."teamId" FROM "RoleAssignment" ra JOIN "Team" t ON t.id = ra."teamId"
     LEFT JOIN "Rating" r ON r."teamId" = t.id AND r.quarter = $2 AND r.kind = 'QUARTERLY'
     WHERE ra."personId" = $1 AND ra.role = 'UNION_SPONSOR' AND (ra."endDate" IS NULL OR ra."endDate" > now())
       AND t."charteredQuarter" <= $2 AND (t."retiredQuarter" IS NULL OR t."retiredQuarter" > $2) AND (r.status IS NULL OR r.status <> 'FINAL')
     ORDER BY t.code LIMIT 1`,
    [fixtures.sponsorPersonId, quarter],
  );
  const { rows: criteria } = await client.query<{ id: string; level: number }>(
    `SELECT c.id, c.level FROM "Criterion" c JOIN "CriteriaSet" s ON s.id = c."setId" WHERE s.status = 'PUBLISHED' AND c.level <= 2 ORDER BY c.level, c.dimension, c.position`,
  );
  const toggled = criteria.find((criterion) => criterion.level === 2);
  if (!toggled) throw new Error("The published criteria set has no level-2 criterion to toggle.");
  const current = () =>
    client
      .query<{ id: string; version: number; level: number | null }>(`SELECT id, version, level FROM "Rating" WHERE "teamId" = $1 AND quarter = $2 AND kind = 'QUARTERLY'`, [teamId, quarter])
      .then((result) => result.rows[0] ?? null);
  const page = `/teams/${teamId}/ratings/${quarter}`;

  const save = await timedRuns(samples, async (index) => {
    const rating = await current();
    const checks = criteria.map((criterion) => ({ criterionId: criterion.id, met: criterion.level === 1 || (criterion.id === toggled.id && index % 2 === 0) }));
    return call("saveRatingAction", page, { teamId, quarter, kind: "QUARTERLY", expectedVersion: rating?.version ?? null, note: "Benchmark rating", checks });
  });
  const sign = await timedRuns(samples, async () => {
    const rating = await current();
    if (!rating || rating.level === null) throw new Error("The benchmark rating has no level to sign.");
    return call("signRatingAction", page, { ratingId: rating.id, expectedVersion: rating.version, decision: "SIGNED", level: rating.level });
  });
  return [
    { name: "save a rating", role: "sponsor", detail: `quarterly rating of team ${teamId}, ${quarter}`, ...save },
    { name: "sign a rating", role: "sponsor", detail: "union side; the management side never signs", ...sign },
  ];
}

type ProjectRow = {
  id: string;
  version: number;
  title: string;
  aim: string;
  compassPoints: string[];
  tools: string[];
  goalId: string | null;
  startDate: string | null;
  targetDate: string | null;
};

/**
 * A project update (the co-lead edits an active project of their team; the aim alternates
 * between as found and with a note, and is left as found), and a savings entry reported on it
 * (each run adds one entry of $123.45, "Benchmark entry", which stays in the ledger).
 */
export async function benchProjectWrites(client: pg.Client, call: ActionCaller, fixtures: Fixtures, samples: number): Promise<MutationTiming[]> {
  const project = () =>
    row<ProjectRow>(
      client,
      "active project of the co-lead's team",
      `SELECT id, version, title, aim, "compassPoints"::text[] AS "compassPoints", tools::text[] AS tools, "goalId",
              to_char("startDate", 'YYYY-MM-DD') AS "startDate", to_char("targetDate", 'YYYY-MM-DD') AS "targetDate"
       FROM "Project" WHERE "teamId" = $1 AND status IN ('ACTIVE', 'TESTING') ORDER BY id LIMIT 1`,
      [fixtures.teamId],
    );
  const original = await project();
  const page = `/projects/${original.id}`;
  const edit = async (aim: string) => {
    const now = await project();
    return call("updateProjectAction", page, {
      projectId: now.id,
      expectedVersion: now.version,
      title: now.title,
      aim,
      compassPoints: now.compassPoints,
      tools: now.tools,
      goalId: now.goalId ?? "",
      startDate: now.startDate ?? "",
      targetDate: now.targetDate ?? "",
    });
  };
  const marked = `${original.aim.slice(0, 1960)} (benchmark edit)`;
  const update = await timedRuns(samples, (index) => edit(index % 2 === 0 ? marked : original.aim));
  await edit(original.aim);

  const savings = await timedRuns(samples, () =>
    call("reportSavingsAction", page, {
      projectId: original.id,
      amount: "123.45",
      category: "HARD_SAVINGS",
      recurrence: "ONE_TIME",
      periodStart: "",
      periodEnd: "",
      reportedOn: "",
      method: "Benchmark entry",
      evidence: "",
    }),
  );
  return [
    { name: "log a project update", role: "colead", detail: `project ${original.id}`, ...update },
    { name: "add a savings entry", role: "colead", detail: `$123.45 on project ${original.id}, kept in the ledger`, ...savings },
  ];
}
