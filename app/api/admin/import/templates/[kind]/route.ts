import { requireRouteAdmin, errorResponse } from "@/lib/auth/route-guard";
import { toCsv } from "@/lib/csv";
import { parseInput } from "@/lib/validation/parse";
import { IMPORT_DEFINITIONS, importKindSchema, templateFileName } from "@/lib/validation/imports";

export const dynamic = "force-dynamic";

/** The kind's empty file to fill in: its header and one example row. */
export async function GET(_request: Request, { params }: RouteContext<"/api/admin/import/templates/[kind]">) {
  try {
    await requireRouteAdmin();
    const kind = parseInput(importKindSchema, (await params).kind);
    const { columns, example } = IMPORT_DEFINITIONS[kind];
    return new Response(toCsv(columns, [example]), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${templateFileName(kind)}"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
