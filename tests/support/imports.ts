import { randomUUID } from "node:crypto";
import { loadUser } from "@/lib/auth/session";
import type { PersonActor } from "@/lib/auth/permissions";
import { toCsv, type CsvCell } from "@/lib/csv";
import { exportForImport } from "@/lib/data/import-exports";
import { prisma } from "@/lib/db";
import { importCsv } from "@/lib/services/imports";
import { IMPORT_DEFINITIONS, type ImportKind, type ImportMode } from "@/lib/validation/imports";

/** A CSV file of the kind: its columns and these rows (short ones padded with blank cells), as bytes (as an upload arrives). */
export function csvFile(kind: ImportKind, rows: readonly (readonly CsvCell[])[]): Uint8Array {
  const { columns } = IMPORT_DEFINITIONS[kind];
  return new TextEncoder().encode(toCsv(columns, rows.map((row) => [...row, ...Array<CsvCell>(Math.max(0, columns.length - row.length)).fill("")])));
}

export function textFile(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** Runs the import service as the route does, on the real clock (the ratings' "current quarter" is today's). */
export function runImport(actor: PersonActor, kind: ImportKind, mode: ImportMode, bytes: Uint8Array, fileName = `${kind}.csv`) {
  return importCsv(actor, { kind, mode, fileName, bytes });
}

/** The kind's export for the actor, as the file the export route sends. */
export async function exportedFile(actor: PersonActor, kind: ImportKind): Promise<Uint8Array> {
  const { headers, rows } = await exportForImport(actor, kind);
  return new TextEncoder().encode(toCsv(headers, rows));
}

/** The seed has no regional administrator: a new person with an account and an ADMIN role in the region, as signed in. */
export async function regionalAdmin(regionSlug: string) {
  const region = await prisma.region.findUniqueOrThrow({ where: { slug: regionSlug } });
  const email = `admin.${regionSlug}.${randomUUID().slice(0, 8)}@example.org`;
  const person = await prisma.person.create({ data: { displayName: `${region.name} administrator`, email } });
  const user = await prisma.user.create({ data: { personId: person.id, email } });
  await prisma.roleAssignment.create({ data: { personId: person.id, role: "ADMIN", regionId: region.id, startDate: new Date("2020-01-01") } });
  const actor = await loadUser(user.id);
  if (!actor) throw new Error("The regional administrator could not be loaded");
  return actor;
}

/** Row counts of everything an import writes: "nothing written" means all of them stay put. */
export async function importFootprint() {
  const [facilities, departments, teams, people, users, roles, members, ratings, dimensions, audit] = await Promise.all([
    prisma.facility.count(),
    prisma.department.count(),
    prisma.team.count(),
    prisma.person.count(),
    prisma.user.count(),
    prisma.roleAssignment.count(),
    prisma.teamMember.count(),
    prisma.rating.count(),
    prisma.ratingDimension.count(),
    prisma.auditEntry.count(),
  ]);
  return { facilities, departments, teams, people, users, roles, members, ratings, dimensions, audit };
}
