import { requireRouteAdmin } from "@/lib/auth/route-guard";
import { errorResponse } from "@/lib/errors";
import { csvResponse } from "@/lib/csv";
import { exportForImport } from "@/lib/data/import-exports";
import { parseInput } from "@/lib/validation/parse";
import { exportFileName, importKindSchema } from "@/lib/validation/imports";

export const dynamic = "force-dynamic";

/** The current records of a kind, in the administrator's regions, in exactly the import's columns. */
export async function GET(_request: Request, { params }: RouteContext<"/api/admin/export/[kind]">) {
  try {
    const user = await requireRouteAdmin();
    const kind = parseInput(importKindSchema, (await params).kind);
    const { headers, rows } = await exportForImport(user, kind);
    return csvResponse(exportFileName(kind), headers, rows);
  } catch (error) {
    return errorResponse(error);
  }
}
