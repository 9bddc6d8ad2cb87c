import { getCurrentUser } from "@/lib/auth/session";
import { csvStreamResponse } from "@/lib/csv";
import { exportAuditRows } from "@/lib/data/audit-log";
import { errorResponse } from "@/lib/errors";
import { readAuditFilters } from "@/lib/validation/audit-filters";
import { toDayString } from "@/lib/validation/dates";

export const dynamic = "force-dynamic";

/** CSV of the audit log: the audit page's filters (who, what kind, when), for those who may read the whole log. */
export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: "Sign in first" }, { status: 401 });
  const { filters, problems } = readAuditFilters(Object.fromEntries(new URL(request.url).searchParams));
  // A filter that is not understood must not silently widen the export.
  if (problems.length > 0) return Response.json({ error: "Unknown filter value", issues: problems }, { status: 400 });
  try {
    return await csvStreamResponse(`audit-${toDayString(new Date())}.csv`, exportAuditRows(user, filters));
  } catch (error) {
    return errorResponse(error);
  }
}
