import { requireRouteAdmin } from "@/lib/auth/route-guard";
import { errorResponse } from "@/lib/errors";
import { csvResponse } from "@/lib/csv";
import { parseInput } from "@/lib/validation/parse";
import { IMPORT_DEFINITIONS, importKindSchema, templateFileName } from "@/lib/validation/imports";

export const dynamic = "force-dynamic";

/** The kind's empty file to fill in: its header and one example row. */
export async function GET(_request: Request, { params }: RouteContext<"/api/admin/import/templates/[kind]">) {
  try {
    await requireRouteAdmin();
    const kind = parseInput(importKindSchema, (await params).kind);
    const { columns, example } = IMPORT_DEFINITIONS[kind];
    return csvResponse(templateFileName(kind), columns, [example]);
  } catch (error) {
    return errorResponse(error);
  }
}
