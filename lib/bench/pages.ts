import type pg from "pg";
import { addQuarters, currentQuarter, previousQuarter, quarterBounds, type Quarter } from "@/lib/domain/quarter";

/** Demo accounts the pages are read as (prisma/seed/demo-accounts.ts). */
export const BENCH_ROLES = {
  staff: "staff@example.org",
  admin: "admin@example.org",
  finance: "finance@example.org",
  consultant: "consultant.colorado@example.org",
  sponsor: "sponsor.union@example.org",
  colead: "colead.labor@example.org",
} as const;
export type BenchRole = keyof typeof BENCH_ROLES;

/** Real ids and words from the database the pages are addressed with. */
export type Fixtures = {
  /** The latest quarter with final ratings (what the overview shows by default) and the one before. */
  ratedQuarter: Quarter;
  previousRatedQuarter: Quarter;
  currentQuarter: Quarter;
  /** The demo consultant's region, its busiest facility, the demo co-lead's team. */
  regionId: string;
  regionSlug: string;
  facilityId: string;
  teamId: string;
  sponsorPersonId: string;
  /** Words that occur often in completed projects' titles and in team names: searches that find something. */
  practiceWord: string;
  teamWord: string;
};

/** One query of a page's SQL floor. */
export type FloorQuery = { text: string; values: unknown[] };

/**
 * A whole export's floor: every row produced, sorted and turned to text in the database, but
 * only their count and size sent back. Shipping a table of millions of rows to be held in the
 * bench's memory took most of a run at ten times the partnership and measured the client.
 */
function wholeFileFloor(text: string): FloorQuery {
  return { text: `SELECT count(*) AS rows, sum(octet_length(produced::text)) AS bytes FROM (${text}) AS produced`, values: [] };
}

export type BenchPage = {
  name: string;
  role: BenchRole;
  path: string;
  /** The raw SQL for the page's main figures, run one after another: the least the page could cost. */
  floor: FloorQuery[];
  /** The status the page answers with: 200, or 307 for a home that sends its role on to the overview. */
  status?: 200 | 307;
  /** A full CSV export, streamed: timed to its first byte, with the whole file beside it (measureDownload). */
  download?: true;
};

async function one<T>(client: pg.Client, what: string, text: string, values: unknown[] = []): Promise<T> {
  const { rows } = await client.query(text, values);
  if (!rows[0]) throw new Error(`The database has no ${what}: is it seeded (npm run db:seed) or generated (npm run db:generate)?`);
  return rows[0] as T;
}

export async function discoverFixtures(client: pg.Client): Promise<Fixtures> {
  const { quarter } = await one<{ quarter: Quarter }>(client, "final quarterly rating", `SELECT max(quarter) AS quarter FROM "Rating" WHERE kind = 'QUARTERLY' AND status = 'FINAL' HAVING max(quarter) IS NOT NULL`);
  const roleHolder = (email: string, roles: string, column: "teamId" | "regionId") =>
    one<{ id: string; personId: string }>(
      client,
      `current ${roles} assignment of ${email}`,
      `SELECT ra."${column}" AS id, ra."personId" FROM "RoleAssignment" ra JOIN "User" u ON u."personId" = ra."personId"
       WHERE u.email = $1 AND ra.role::text = ANY($2) AND ra."${column}" IS NOT NULL AND (ra."endDate" IS NULL OR ra."endDate" > now())
       ORDER BY ra."startDate" LIMIT 1`,
      [email, roles.split(",")],
    );
  const region = await roleHolder(BENCH_ROLES.consultant, "CONSULTANT", "regionId");
  const { slug } = await one<{ slug: string }>(client, "region", `SELECT slug FROM "Region" WHERE id = $1`, [region.id]);
  const facility = await one<{ id: string }>(
    client,
    "facility with teams",
    `SELECT d."facilityId" AS id FROM "Team" t JOIN "Department" d ON d.id = t."departmentId" WHERE t."regionId" = $1 GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
    [region.id],
  );
  const team = await roleHolder(BENCH_ROLES.colead, "LABOR_COLEAD", "teamId");
  const sponsor = await roleHolder(BENCH_ROLES.sponsor, "UNION_SPONSOR", "teamId");
  const commonWord = (what: string, text: string) => one<{ word: string }>(client, what, text).then((row) => row.word);
  return {
    ratedQuarter: quarter,
    previousRatedQuarter: previousQuarter(quarter),
    currentQuarter: currentQuarter(),
    regionId: region.id,
    regionSlug: slug,
    facilityId: facility.id,
    teamId: team.id,
    sponsorPersonId: sponsor.personId,
    practiceWord: await commonWord(
      "completed project",
      `SELECT w AS word FROM "Project", regexp_split_to_table(lower(title), '[^a-z]+') AS w
       WHERE status IN ('IMPLEMENTED', 'SUSTAINED') AND length(w) >= 5 GROUP BY w ORDER BY count(*) DESC, w LIMIT 1`,
    ),
    teamWord: await commonWord("team", `SELECT w AS word FROM "Team", regexp_split_to_table(lower(name), '[^a-z]+') AS w WHERE length(w) >= 5 GROUP BY w ORDER BY count(*) DESC, w LIMIT 1`),
  };
}

// ───────────────────────────── SQL floors ─────────────────────────────

const FINAL = (alias: string) => `${alias}.kind = 'QUARTERLY' AND ${alias}.status = 'FINAL'`;
const OPERATES = (alias: string, quarterParam: string) => `${alias}."charteredQuarter" <= ${quarterParam} AND (${alias}."retiredQuarter" IS NULL OR ${alias}."retiredQuarter" > ${quarterParam})`;
const LEVEL_COUNTS = `count(t.id) FILTER (WHERE ${OPERATES("t", "$1")}) AS teams, count(rt.id) AS rated,
  count(rt.id) FILTER (WHERE rt.level >= 4) AS "highPerforming", count(prev.id) AS "previousRated",
  count(prev.id) FILTER (WHERE prev.level >= 4) AS "previousHighPerforming",
  count(rt.id) FILTER (WHERE rt.level = 1) AS l1, count(rt.id) FILTER (WHERE rt.level = 2) AS l2, count(rt.id) FILTER (WHERE rt.level = 3) AS l3,
  count(rt.id) FILTER (WHERE rt.level = 4) AS l4, count(rt.id) FILTER (WHERE rt.level = 5) AS l5`;
const RATING_JOINS = `LEFT JOIN "Rating" rt ON rt."teamId" = t.id AND rt.quarter = $1 AND ${FINAL("rt")}
  LEFT JOIN "Rating" prev ON prev."teamId" = t.id AND prev.quarter = $2 AND ${FINAL("prev")}`;

function floors(f: Fixtures) {
  const quarters = [f.ratedQuarter, f.previousRatedQuarter];
  const yearAgo = quarterBounds(addQuarters(f.ratedQuarter, -3)).start;
  const regional = { text: `SELECT r.id, ${LEVEL_COUNTS} FROM "Region" r LEFT JOIN "Team" t ON t."regionId" = r.id ${RATING_JOINS} GROUP BY r.id`, values: quarters };
  const byFacility = (facility: boolean) => ({
    text: `SELECT f.id, ${LEVEL_COUNTS} FROM "Facility" f LEFT JOIN "Department" d ON d."facilityId" = f.id LEFT JOIN "Team" t ON t."departmentId" = d.id ${RATING_JOINS}
           WHERE f."regionId" = $3 ${facility ? `AND f.id = $4` : ""} GROUP BY f.id`,
    values: facility ? [...quarters, f.regionId, f.facilityId] : [...quarters, f.regionId],
  });
  const trend = (regionId: string | null) => ({
    text: `SELECT rt.quarter, t."regionId", count(*) AS rated, count(*) FILTER (WHERE rt.level >= 4) AS "highPerforming"
           FROM "Rating" rt JOIN "Team" t ON t.id = rt."teamId" WHERE ${FINAL("rt")} ${regionId ? `AND t."regionId" = $1` : ""} GROUP BY 1, 2`,
    values: regionId ? [regionId] : [],
  });
  const movement = (regionId: string | null) => ({
    text: `SELECT t.id, t.name, rt.level, prev.level AS "previousLevel" FROM "Team" t
           JOIN "Rating" rt ON rt."teamId" = t.id AND rt.quarter = $1 AND ${FINAL("rt")}
           JOIN "Rating" prev ON prev."teamId" = t.id AND prev.quarter = $2 AND ${FINAL("prev")}
           ${regionId ? `WHERE t."regionId" = $3` : ""} ORDER BY t.name`,
    values: regionId ? [...quarters, regionId] : quarters,
  });
  const compass = {
    text: `SELECT point, count(*) FILTER (WHERE p.status NOT IN ('IMPLEMENTED', 'SUSTAINED', 'ABANDONED')) AS "inProgress",
             count(*) FILTER (WHERE p.status IN ('IMPLEMENTED', 'SUSTAINED')) AS completed, count(*) FILTER (WHERE p.status = 'ABANDONED') AS abandoned
           FROM "Project" p CROSS JOIN LATERAL unnest(p."compassPoints") AS point GROUP BY point`,
    values: [],
  };
  const savingsByRegion = {
    text: `SELECT t."regionId", sum(e."amountCents") AS reported, sum(e."amountCents") FILTER (WHERE e.status = 'VALIDATED') AS validated
           FROM "SavingsEntry" e JOIN "Team" t ON t.id = e."teamId" GROUP BY 1`,
    values: [],
  };
  const savingsTimeline = {
    text: `SELECT date_trunc('quarter', e."reportedOn") AS quarter, sum(e."amountCents") AS reported, sum(e."amountCents") FILTER (WHERE e.status = 'VALIDATED') AS validated
           FROM "SavingsEntry" e GROUP BY 1 ORDER BY 1`,
    values: [],
  };
  const topPractices = {
    text: `SELECT s."originProjectId", count(*) AS adopters FROM "SpreadLink" s GROUP BY 1 ORDER BY 2 DESC LIMIT 10`,
    values: [],
  };
  const linkage = {
    text: `WITH validated AS (SELECT "teamId", sum("amountCents") AS cents FROM "SavingsEntry" WHERE status = 'VALIDATED' AND "reportedOn" >= $2 GROUP BY 1),
                active AS (SELECT "teamId", count(*) AS projects FROM "Project" WHERE "lastActivityAt" >= $2 GROUP BY 1)
           SELECT rt.level, count(*) AS teams, sum(coalesce(v.cents, 0)) AS cents, sum(coalesce(a.projects, 0)) AS projects
           FROM "Rating" rt LEFT JOIN validated v ON v."teamId" = rt."teamId" LEFT JOIN active a ON a."teamId" = rt."teamId"
           WHERE rt.quarter = $1 AND ${FINAL("rt")} AND rt.level IS NOT NULL GROUP BY rt.level`,
    values: [f.ratedQuarter, yearAgo],
  };
  const notStarted = {
    text: `SELECT t.id FROM "Team" t WHERE t."regionId" = $1 AND ${OPERATES("t", "$2")}
           AND NOT EXISTS (SELECT 1 FROM "Rating" r WHERE r."teamId" = t.id AND r.quarter = $2 AND r.kind = 'QUARTERLY')`,
    values: [f.regionId, f.currentQuarter],
  };
  const staleProjects = {
    text: `SELECT p.id FROM "Project" p JOIN "Team" t ON t.id = p."teamId" WHERE t."regionId" = $1
           AND p.status IN ('ACTIVE', 'TESTING') AND p."lastActivityAt" < now() - interval '90 days'`,
    values: [f.regionId],
  };
  const stuck = {
    text: `SELECT rt."teamId" FROM "Rating" rt JOIN "Team" t ON t.id = rt."teamId" WHERE t."regionId" = $1 AND ${FINAL("rt")} AND rt.quarter > $2
           GROUP BY rt."teamId" HAVING count(*) >= 4 AND max(rt.level) < 5`,
    values: [f.regionId, addQuarters(f.ratedQuarter, -4)],
  };
  const teamPage = [
    { text: `SELECT quarter, kind, level, status FROM "Rating" WHERE "teamId" = $1 ORDER BY quarter`, values: [f.teamId] },
    { text: `SELECT id, title, status, "lastActivityAt" FROM "Project" WHERE "teamId" = $1 ORDER BY "lastActivityAt" DESC`, values: [f.teamId] },
    { text: `SELECT status, sum("amountCents") FROM "SavingsEntry" WHERE "teamId" = $1 GROUP BY status`, values: [f.teamId] },
  ];
  const practiceSearch = {
    text: `SELECT p.id, p.title, count(*) OVER () AS total FROM "Project" p WHERE p.status IN ('IMPLEMENTED', 'SUSTAINED')
           AND (p.title ILIKE $1 OR p.aim ILIKE $1) ORDER BY p.title LIMIT 20`,
    values: [`%${f.practiceWord}%`],
  };
  const savingsQueue = {
    text: `SELECT e.id, e."amountCents", e."reportedOn", count(*) OVER () AS total FROM "SavingsEntry" e WHERE e.status = 'REPORTED' ORDER BY e."reportedOn", e.id LIMIT 50`,
    values: [],
  };
  const teamSearch = {
    text: `SELECT t.id, t.name, t.code, count(*) OVER () AS total FROM "Team" t WHERE t.name ILIKE $1 OR t.code ILIKE $1 ORDER BY t.name, t.code LIMIT 50`,
    values: [`%${f.teamWord}%`],
  };
  return {
    regional, byFacility, trend, movement, compass, savingsByRegion, savingsTimeline, topPractices, linkage,
    notStarted, staleProjects, stuck, teamPage, practiceSearch, savingsQueue, teamSearch,
  };
}

/** Every page and CSV export measured, each as the role that uses it, with its SQL floor. */
export function benchPages(f: Fixtures): BenchPage[] {
  const q = floors(f);
  const region = `region=${f.regionSlug}`;
  const facility = `${region}&facility=${f.facilityId}`;
  const attention = [q.notStarted, q.movement(f.regionId), q.stuck, q.staleProjects];
  const overviewExport = (table: string, floor: FloorQuery[], query = ""): BenchPage => ({
    name: `export overview/${table}`,
    role: "staff",
    path: `/api/exports/overview/${table}${query}`,
    floor,
  });
  return [
    { name: "overview (national)", role: "staff", path: "/overview", floor: [q.regional, q.trend(null)] },
    { name: "overview (region)", role: "staff", path: `/overview?${region}`, floor: [q.byFacility(false), q.trend(f.regionId)] },
    { name: "overview (facility)", role: "staff", path: `/overview?${facility}`, floor: [q.byFacility(true), q.trend(f.regionId)] },
    { name: "overview/linkage", role: "staff", path: "/overview/linkage", floor: [q.linkage] },
    { name: "overview/report (region)", role: "staff", path: `/overview/report?${region}`, floor: [q.byFacility(false), q.trend(f.regionId)] },
    { name: "region movement", role: "staff", path: `/regions/${f.regionSlug}/movement`, floor: [q.movement(f.regionId)] },
    { name: "team page", role: "colead", path: `/teams/${f.teamId}`, floor: q.teamPage },
    // National roles' home sends them on to the overview (measured above): its own cost is the session check and the redirect.
    { name: "home: staff (→ /overview)", role: "staff", path: "/", floor: [], status: 307 },
    { name: "home: admin (→ /overview)", role: "admin", path: "/", floor: [], status: 307 },
    { name: "home: consultant", role: "consultant", path: "/", floor: attention },
    {
      name: "home: sponsor",
      role: "sponsor",
      path: "/",
      floor: [
        {
          text: `SELECT ra."teamId", r.status, r.level FROM "RoleAssignment" ra LEFT JOIN "Rating" r ON r."teamId" = ra."teamId" AND r.quarter = $2 AND r.kind = 'QUARTERLY'
                 WHERE ra."personId" = $1 AND ra.role IN ('UNION_SPONSOR', 'MANAGEMENT_SPONSOR') AND (ra."endDate" IS NULL OR ra."endDate" > now())`,
          values: [f.sponsorPersonId, f.currentQuarter],
        },
      ],
    },
    { name: "home: co-lead", role: "colead", path: "/", floor: q.teamPage },
    { name: "home: finance", role: "finance", path: "/", floor: [{ text: `SELECT count(*) FROM "SavingsEntry" WHERE status = 'REPORTED'`, values: [] }] },
    { name: "practice search", role: "staff", path: `/practices?q=${encodeURIComponent(f.practiceWord)}`, floor: [q.practiceSearch] },
    { name: "savings review", role: "finance", path: "/savings", floor: [q.savingsQueue] },
    { name: "team directory search", role: "staff", path: `/teams?q=${encodeURIComponent(f.teamWord)}`, floor: [q.teamSearch] },
    {
      name: "header search",
      role: "staff",
      path: `/search?q=${encodeURIComponent(f.teamWord)}`,
      floor: [
        q.teamSearch,
        { text: `SELECT id, title FROM "Project" WHERE title ILIKE $1 ORDER BY title LIMIT 10`, values: [`%${f.teamWord}%`] },
        { text: `SELECT id, "displayName" FROM "Person" WHERE "displayName" ILIKE $1 ORDER BY "displayName" LIMIT 10`, values: [`%${f.teamWord}%`] },
      ],
    },
    { name: "people directory", role: "staff", path: "/people", floor: [{ text: `SELECT id, "displayName", email, count(*) OVER () AS total FROM "Person" ORDER BY "displayName", id LIMIT 50`, values: [] }] },
    { name: "audit log", role: "admin", path: "/audit", floor: [{ text: `SELECT id, at, action, "entityType", "entityId" FROM "AuditEntry" ORDER BY at DESC, id DESC LIMIT 50`, values: [] }] },
    {
      name: "export projects",
      download: true,
      role: "staff",
      path: "/api/exports/projects",
      floor: [wholeFileFloor(`SELECT p.*, t.code, t.name AS team FROM "Project" p JOIN "Team" t ON t.id = p."teamId" ORDER BY t.code, p.title`)],
    },
    {
      name: "export savings",
      download: true,
      role: "finance",
      path: "/api/exports/savings",
      floor: [wholeFileFloor(`SELECT e.*, t.code FROM "SavingsEntry" e JOIN "Team" t ON t.id = e."teamId" ORDER BY e."reportedOn", e.id`)],
    },
    {
      name: "export teams",
      download: true,
      role: "staff",
      path: "/api/exports/teams",
      floor: [
        wholeFileFloor(`SELECT t.id, t.code, t.name, latest.level FROM "Team" t LEFT JOIN LATERAL
                   (SELECT level FROM "Rating" r WHERE r."teamId" = t.id AND ${FINAL("r")} ORDER BY quarter DESC LIMIT 1) latest ON TRUE ORDER BY t.name, t.code`),
      ],
    },
    { name: "export audit", role: "admin", path: "/api/exports/audit", download: true, floor: [wholeFileFloor(`SELECT * FROM "AuditEntry" ORDER BY at DESC, id DESC`)] },
    overviewExport("high-performing", [q.regional]),
    overviewExport("levels", [q.regional]),
    overviewExport("teams", [q.byFacility(true)], `?${facility}`),
    overviewExport("trend", [q.trend(null)]),
    overviewExport("movement", [q.movement(null)]),
    overviewExport("compass", [q.compass]),
    overviewExport("savings", [q.savingsByRegion]),
    overviewExport("savings-timeline", [q.savingsTimeline]),
    overviewExport("practices", [q.topPractices]),
    overviewExport("linkage", [q.linkage]),
    overviewExport("linkage-teams", [q.linkage]),
    ...(["not-started", "moved-down", "stuck", "stale-projects"] as const).map(
      // The complete lists, streamed (a region's stale projects are some 40,000 rows at N=10).
      (table, index): BenchPage => ({ name: `export attention/${table}`, role: "consultant", path: `/api/exports/overview/${table}`, download: true, floor: [attention[index]!] }),
    ),
  ];
}
