import { beforeAll, describe, expect, it } from "vitest";
import type { PersonActor } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db";
import { InvalidInputError } from "@/lib/errors";
import type { ImportKind } from "@/lib/validation/imports";
import { actorFor } from "@/tests/support/actors";
import { resetToSeed } from "@/tests/support/database";
import { importFootprint, runImport, textFile } from "@/tests/support/imports";
import { expectRefusedWithoutWrites } from "@/tests/support/refusals";

const HEADER = "region,facility,department,department_type,team_code,team_name,union_local,chartered_quarter,retired_quarter";

let admin: PersonActor;

beforeAll(async () => {
  await resetToSeed();
  admin = await actorFor("admin@example.org");
});

function refused(bytes: Uint8Array, message: RegExp, kind: ImportKind = "organisation") {
  return expectRefusedWithoutWrites(importFootprint, () => runImport(admin, kind, "import", bytes), InvalidInputError, message);
}

describe("a file that cannot be imported is refused with what to do, and nothing is written", () => {
  it("an empty file, or one with only its header", async () => {
    await refused(new Uint8Array(), /^The file is empty/);
    await refused(textFile("\r\n \r\n"), /^The file is empty/);
    await refused(textFile(`${HEADER}\r\n,,,,,,,,\r\n`), /^The file has a header but no rows/);
  });

  it("a binary file (a spreadsheet's own format)", async () => {
    await refused(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00]), /not a CSV text file.*CSV UTF-8/);
  });

  it("text that is not UTF-8", async () => {
    const latin1 = new Uint8Array([...new TextEncoder().encode(`${HEADER}\ncolorado,Caf`), 0xe9, ...new TextEncoder().encode(",x\n")]);
    await refused(latin1, /not UTF-8 text/);
  });

  it("semicolons or tabs between the columns", async () => {
    await refused(textFile(`${HEADER.replaceAll(",", ";")}\ncolorado;A;B;PHARMACY;X-1;T;;2020-Q1;\n`), /uses semicolons between its columns.*comma-separated/);
    await refused(textFile(`${HEADER.replaceAll(",", "\t")}\n`), /uses tabs between its columns/);
  });

  it("missing and unknown columns, named with the template", async () => {
    await refused(
      textFile("region,facility,department,team_code,team_name,colour\ncolorado,A,B,X-1,T,red\n"),
      /no column department_type, union_local, chartered_quarter, retired_quarter\. This import does not know the column colour\. The organisation template \(organisation-template\.csv\) has the columns: region, facility/,
    );
    await refused(textFile(`${HEADER},team_code\n`), /the column team_code more than once/);
    await refused(textFile("team_code,quarter,level,sponsorship\nX-1,2021-Q1,3,3\n"), /no column leadership, training/, "ratings");
  });

  it("a quoted field that is never closed", async () => {
    await refused(textFile(`${HEADER}\ncolorado,"Unclosed,B,PHARMACY,X-1,T,,2020-Q1,\n`), /quoted field is never closed/);
  });
});

describe("what a CSV may hold", () => {
  it("reads UTF-8 with a byte-order mark, CRLF, capitalised headers and quoted fields with commas, quotes and line breaks", async () => {
    const text =
      "\uFEFFRegion,Facility,Department,Department type,Team code,Team name,Union local,Chartered quarter,Retired quarter\r\n" +
      'colorado,"Franklin, East","Pharmacy","Pharmacy",csv-1,"The ""night""\r\nshift, outpatient",,2020-Q1,\r\n' +
      ",,,,,,,,\r\n";
    const result = await runImport(admin, "organisation", "import", textFile(text));
    expect(result.errors).toEqual([]);
    expect(result.rows).toBe(1);
    const team = await prisma.team.findUniqueOrThrow({ where: { code: "CSV-1" }, include: { department: { include: { facility: true } } } });
    expect(team.name).toBe('The "night"\r\nshift, outpatient');
    expect(team.department.facility.name).toBe("Franklin, East");
  });

  it("reports a row with more cells than columns, numbered as a spreadsheet numbers it", async () => {
    const before = await importFootprint();
    const result = await runImport(admin, "organisation", "import", textFile(`${HEADER}\ncolorado,A,B,PHARMACY,X-2,T,,2020-Q1,,oops\n`));
    expect(result.errors).toEqual([{ row: 2, column: null, message: expect.stringMatching(/10 cells for 9 columns/) }]);
    expect(await importFootprint()).toEqual(before);
  });
});
