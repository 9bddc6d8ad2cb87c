import { beforeAll, describe, expect, it } from "vitest";
import { refusalFor } from "@/lib/auth/permissions";
import { toCsv } from "@/lib/csv";
import { auditCsvRow, exportAuditRows, listAuditLog, AUDIT_PAGE_SIZE } from "@/lib/data/audit-log";
import { getProjectRecordHistory, getRatingRecordHistory, getSavingsEntryHistory, getTeamRecordHistory, type HistoryEntryView } from "@/lib/data/record-history";
import { prisma } from "@/lib/db";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import * as measures from "@/lib/services/measures";
import * as projects from "@/lib/services/projects";
import * as ratings from "@/lib/services/ratings";
import * as roster from "@/lib/services/roster";
import * as savings from "@/lib/services/savings";
import { addDataPointSchema, addMeasureSchema, removeMeasureSchema } from "@/lib/validation/measures";
import { updateProjectSchema } from "@/lib/validation/projects";
import { saveRatingSchema, signoffSchema } from "@/lib/validation/ratings";
import { addRosterMemberSchema, setKeyRolesSchema } from "@/lib/validation/roster";
import { rejectSavingsSchema, reportSavingsSchema } from "@/lib/validation/savings";
import { couriersTeam, demoCast, regionalAdminOf } from "@/tests/support/actors";
import { asSubmitted } from "@/tests/support/as-submitted";
import { readAll } from "@/tests/support/csv-pages";
import { resetToSeed } from "@/tests/support/database";
import { createTestProject } from "@/tests/support/project-activity";
import { SEED_QUARTER } from "@/tests/support/seed-clock";

// Changes made through the real services show on their record's history, field by field;
// histories are open exactly to those who see the record; the audit page's filters narrow
// the whole log, and its CSV holds the same rows.

const updateProject = asSubmitted(updateProjectSchema, projects.updateProject);
const addMeasure = asSubmitted(addMeasureSchema, measures.addMeasure);
const removeMeasure = asSubmitted(removeMeasureSchema, measures.removeMeasure);
const addDataPoint = asSubmitted(addDataPointSchema, measures.addDataPoint);
const reportSavings = asSubmitted(reportSavingsSchema, savings.reportSavings);
const rejectSavings = asSubmitted(rejectSavingsSchema, savings.rejectSavings);
const saveRating = asSubmitted(saveRatingSchema, ratings.saveRating);
const signRating = asSubmitted(signoffSchema, ratings.signRating);
const addRosterMember = asSubmitted(addRosterMemberSchema, roster.addRosterMember);
const setKeyRoles = asSubmitted(setKeyRolesSchema, roster.setKeyRoles);

let couriersId: string;
let regionId: string;
let cast: Awaited<ReturnType<typeof demoCast>>;
let projectId: string;
let entryId: string;
let ratingId: string;

const TEAM_REFUSAL = refusalFor("team.view");

/** An entry's changes as "Label: before → after" lines, the way a reader scans them. */
function changeLines(entry: HistoryEntryView): string[] {
  return entry.changes.map((change) => `${change.label}: ${change.before ?? "∅"} → ${change.after ?? "∅"}`);
}

beforeAll(async () => {
  await resetToSeed();
  const couriers = await couriersTeam();
  couriersId = couriers.id;
  regionId = couriers.regionId;
  cast = await demoCast(couriers);
  const colead = cast.laborColead;

  const project = await createTestProject(couriersId);
  projectId = project.id;
  await updateProject(colead, {
    projectId,
    expectedVersion: project.version,
    title: "Fewer missed courier pick-ups",
    aim: project.aim,
    compassPoints: ["BEST_SERVICE", "MOST_AFFORDABLE"],
    tools: [],
    startDate: "2025-03-01",
  });
  const measure = await addMeasure(colead, { projectId, name: "Missed pick-ups a week", kind: "OUTCOME", unit: "pick-ups", baseline: "12", target: "6", direction: "DECREASE" });
  await addDataPoint(colead, { measureId: measure.measureId, date: "2025-04-01", value: "9" });
  await removeMeasure(colead, { measureId: measure.measureId });

  const entry = await reportSavings(colead, {
    projectId,
    amount: "1,200",
    category: "HARD_SAVINGS",
    recurrence: "ONE_TIME",
    reportedOn: "2025-05-01",
    method: "Overtime hours before and after",
  });
  entryId = entry.entryId;
  await rejectSavings(cast.staff, { entryId, expectedVersion: entry.version, reason: "Attach the overtime report" });

  const criteria = await prisma.criterion.findMany({ where: { set: { status: "PUBLISHED" }, level: { lte: 2 } }, select: { id: true } });
  const rating = await saveRating(cast.unionSponsor, {
    teamId: couriersId,
    quarter: SEED_QUARTER,
    kind: "QUARTERLY",
    expectedVersion: null,
    checks: criteria.map((criterion) => ({ criterionId: criterion.id, met: true })),
  });
  ratingId = rating.ratingId;
  await signRating(cast.unionSponsor, { ratingId, expectedVersion: rating.version, decision: "SIGNED", level: rating.level });

  const member = await addRosterMember(colead, { teamId: couriersId, displayName: "Robin Example", email: "robin.example@example.org" });
  await setKeyRoles(colead, { memberId: member.memberId, keyRoles: ["RECORDER"] });
});

describe("a record's history shows each change through the services, field by field", () => {
  it("shows a project's edit before → after, with who made it, newest first, and its measures and data points named", async () => {
    const { history } = await getProjectRecordHistory(cast.consultant, projectId, 1);
    const actions = history.entries.map((entry) => [entry.action, entry.subject]);
    // Newest first; the measure's and data point's entries stay after the measure was removed.
    expect(actions).toEqual([
      ["Savings rejected", "Savings entry of $1,200.00"],
      ["Savings reported", "Savings entry of $1,200.00"],
      ["Measure removed", "Measure “Missed pick-ups a week”"],
      ["Data point added", "Data point of “Missed pick-ups a week”"],
      ["Measure added", "Measure “Missed pick-ups a week”"],
      ["Project details changed", null],
    ]);
    const edit = history.entries.at(-1)!;
    expect(edit.actor).toBe((await prisma.person.findUniqueOrThrow({ where: { id: cast.laborColead.personId } })).displayName);
    expect(changeLines(edit)).toEqual([
      "Title: Fewer missed pick-ups → Fewer missed courier pick-ups",
      "Start date: — → Mar 1, 2025",
      "Value Compass points: Best Service → Best Service, Most Affordable",
    ]);
    expect(history.entries[0]!.subjectHref).toBe(`/projects/${projectId}/savings/${entryId}/history`);
  });

  it("shows a savings entry's rejection with its reason and the status before → after", async () => {
    const { history } = await getSavingsEntryHistory(cast.laborColead, projectId, entryId, 1);
    const [rejected, reported] = history.entries;
    expect(rejected).toMatchObject({ action: "Savings rejected", reason: "Attach the overtime report" });
    expect(changeLines(rejected!)).toEqual(["Status: Awaiting review → Rejected", "Reason for rejection: — → Attach the overtime report"]);
    // A creation lists what it set, money from cents and days as dates.
    expect(changeLines(reported!)).toEqual(
      expect.arrayContaining(["Amount: ∅ → $1,200.00", "Category: ∅ → Hard savings", "Reported on: ∅ → May 1, 2025", "Status: ∅ → Awaiting review"]),
    );
  });

  it("shows a rating's signature and the criteria its save ticked, by name", async () => {
    const { history } = await getRatingRecordHistory(cast.managementColead, couriersId, SEED_QUARTER, "QUARTERLY", 1);
    const [signed, started] = history.entries;
    expect(signed!.action).toBe("Rating signed");
    expect(changeLines(signed!)).toEqual(expect.arrayContaining(["Status: Draft → Awaiting sign-off", "Side: ∅ → Union"]));
    const criterion = await prisma.criterion.findFirstOrThrow({ where: { set: { status: "PUBLISHED" }, level: 1 }, orderBy: { id: "asc" } });
    expect(changeLines(started!)).toEqual(expect.arrayContaining(["Level: ∅ → 2 · Foundational", `Criteria › ${criterion.text} › Met: ∅ → Yes`]));
  });

  it("shows a team's roster changes, naming the member", async () => {
    const { history } = await getTeamRecordHistory(cast.unionSponsor, couriersId, 1);
    const [keyRoles, added] = history.entries;
    expect(keyRoles).toMatchObject({ action: "Roster entry changed", subject: "Roster: Robin Example" });
    expect(changeLines(keyRoles!)).toEqual(["Key roles: None → Recorder"]);
    expect(added).toMatchObject({ action: "Added to the roster", subject: "Roster: Robin Example" });
  });

  it("pages long histories", async () => {
    const page2 = await getProjectRecordHistory(cast.consultant, projectId, 2);
    expect(page2.history).toMatchObject({ count: 6, page: 2, pageCount: 1, entries: [] });
  });
});

describe("a history is open to exactly those who see the record", () => {
  it("refuses outsiders in the matrix's words, and shows them nothing", async () => {
    for (const outsider of [cast.georgiaConsultant, cast.otherColoradoColead]) {
      await expect(getTeamRecordHistory(outsider, couriersId, 1)).rejects.toThrow(new ForbiddenError(TEAM_REFUSAL));
      await expect(getRatingRecordHistory(outsider, couriersId, SEED_QUARTER, "QUARTERLY", 1)).rejects.toThrow(TEAM_REFUSAL);
      await expect(getProjectRecordHistory(outsider, projectId, 1)).rejects.toThrow(TEAM_REFUSAL);
      await expect(getSavingsEntryHistory(outsider, projectId, entryId, 1)).rejects.toThrow(TEAM_REFUSAL);
    }
  });

  it("says a record that does not exist is not found", async () => {
    const unknown = "00000000-0000-4000-8000-000000000000";
    await expect(getProjectRecordHistory(cast.staff, unknown, 1)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getSavingsEntryHistory(cast.staff, unknown, entryId, 1)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getRatingRecordHistory(cast.staff, couriersId, "2019-Q1", "SELF_ASSESSMENT", 1)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("the audit page", () => {
  it("is for national LMP staff and administrators only", async () => {
    const refusal = refusalFor("audit.view");
    expect(refusal).toBe("Only national LMP staff and administrators can read the whole audit log.");
    for (const actor of [cast.laborColead, cast.consultant, cast.finance, await regionalAdminOf(regionId)]) {
      await expect(listAuditLog(actor, {}, 1)).rejects.toThrow(new ForbiddenError(refusal));
      await expect(readAll(exportAuditRows(actor, {}))).rejects.toThrow(refusal);
    }
    await expect(listAuditLog(cast.admin, {}, 1)).resolves.toMatchObject({ page: 1 });
  });

  it("narrows by who, by name or id", async () => {
    const staff = await prisma.person.findUniqueOrThrow({ where: { id: cast.staff.personId } });
    const byName = await listAuditLog(cast.staff, { who: staff.displayName.slice(1, 6).toUpperCase() }, 1);
    expect(byName.count).toBeGreaterThan(0);
    expect(new Set(byName.rows.map((row) => row.actorId))).toEqual(new Set([staff.id]));
    const byId = await listAuditLog(cast.staff, { who: staff.id }, 1);
    expect(byId.rows.map((row) => row.id)).toEqual(byName.rows.map((row) => row.id));
    expect(byId.rows.map((row) => row.action)).toContain("Savings rejected");
  });

  it("narrows by kind of record and kind of change", async () => {
    const all = await listAuditLog(cast.staff, {}, 1);
    const measuresOnly = await listAuditLog(cast.staff, { kind: "Measure" }, 1);
    expect(measuresOnly.count).toBe(2);
    expect(measuresOnly.count).toBeLessThan(all.count);
    expect(measuresOnly.rows.map((row) => row.action)).toEqual(["Measure removed", "Measure added"]);
    const rejections = await listAuditLog(cast.staff, { action: "savings.rejected" }, 1);
    expect(rejections.rows.map((row) => [row.entityId, row.reason])).toEqual([[entryId, "Attach the overtime report"]]);
    expect(rejections.rows[0]!.recordHref).toBe(`/projects/${projectId}/savings/${entryId}/history`);
  });

  it("narrows by days, both ends included", async () => {
    // Entries of given times (the log is append-only, and the changes above were all made a moment ago).
    const dated = (at: string) =>
      prisma.auditEntry.create({ data: { at: new Date(at), actorId: cast.admin.personId, action: "team.updated", entityType: "Team", entityId: couriersId } });
    const first = await dated("2024-02-10T23:59:00Z");
    const second = await dated("2024-02-11T00:00:00Z");
    const day = (text: string) => new Date(`${text}T00:00:00Z`);
    const ids = async (filters: Parameters<typeof listAuditLog>[1]) => (await listAuditLog(cast.staff, filters, 1)).rows.map((row) => row.id);
    expect(await ids({ from: day("2024-02-10"), to: day("2024-02-10") })).toEqual([first!.id.toString()]);
    expect(await ids({ from: day("2024-02-11"), to: day("2024-02-11") })).toEqual([second!.id.toString()]);
    expect(await ids({ from: day("2024-02-01"), to: day("2024-02-28") })).toEqual([second!.id.toString(), first!.id.toString()]);
    expect(await ids({ to: day("2024-02-28") })).not.toContain(entryId);
  });

  it("downloads the same rows as the pages show, in the same order", async () => {
    const filters = { kind: "SavingsEntry" as const };
    const listed = await listAuditLog(cast.staff, filters, 1);
    expect(listed.count).toBeLessThanOrEqual(AUDIT_PAGE_SIZE);
    const { headers, rows } = await readAll(exportAuditRows(cast.staff, filters));
    expect(toCsv(headers, rows)).toBe(toCsv(headers, listed.rows.map(auditCsvRow)));
    expect(rows.map((row) => row[4])).toEqual(["savings.rejected", "savings.reported"]);
    expect(rows[0]![8]).toBe("Status: Awaiting review → Rejected; Reason for rejection: — → Attach the overtime report");
  });
});

