import { getCurrentUser } from "@/lib/auth/session";
import { csvResponse, csvStreamResponse } from "@/lib/csv";
import { isAttentionList } from "@/lib/data/attention";
import { errorResponse } from "@/lib/errors";
import { attentionCsv, OVERVIEW_TABLES } from "@/lib/reports/overview-tables";
import { resolveOverviewView } from "@/lib/reports/overview-view";
import { tableCsvRows } from "@/lib/reports/table-model";

export const dynamic = "force-dynamic";

/**
 * CSV of any table on the overview and linkage pages, for the same URL filters and within the
 * user's scope; or of a consultant's attention list, complete and streamed (a region's stale
 * projects run to tens of thousands at scale).
 */
export async function GET(request: Request, { params }: RouteContext<"/api/exports/overview/[table]">) {
  try {
    const user = await getCurrentUser();
    if (!user) return Response.json({ error: "Sign in first" }, { status: 401 });
    const { table } = await params;
    if (isAttentionList(table)) return await csvStreamResponse(`attention-${table}.csv`, await attentionCsv(user, table));
    // Own keys only: `in` would also find "toString" and the like on the prototype.
    if (!Object.hasOwn(OVERVIEW_TABLES, table)) return Response.json({ error: `There is no table "${table}"` }, { status: 404 });
    const view = await resolveOverviewView(user, Object.fromEntries(new URL(request.url).searchParams));
    if (!view) return Response.json({ error: "There are no final ratings to export yet" }, { status: 404 });
    // A parameter that is not understood must not silently change what is exported.
    if (view.notices.length > 0) return Response.json({ error: "Unknown filter value", issues: view.notices }, { status: 400 });
    const model = await OVERVIEW_TABLES[table]!(user, view);
    if (!model) return Response.json({ error: `There is no table "${table}" for these filters` }, { status: 404 });
    const { headers, rows } = tableCsvRows(model);
    return csvResponse(`${[table, view.region?.slug, view.quarter].filter(Boolean).join("-")}.csv`, headers, rows);
  } catch (error) {
    return errorResponse(error);
  }
}
