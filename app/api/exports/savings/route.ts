import { getCurrentUser } from "@/lib/auth/session";
import { csvStreamResponse } from "@/lib/csv";
import { errorResponse } from "@/lib/errors";
import { exportSavingsRows } from "@/lib/data/savings";
import { toDayString } from "@/lib/validation/dates";
import { readSavingsFilters } from "@/lib/validation/savings";

export const dynamic = "force-dynamic";

/** CSV of savings entries: the review page's filters (status, region, quarter), within what the user may see. */
export async function GET(request: Request) {
  try {
    const user = await getCurrentUser();
    if (!user) return Response.json({ error: "Sign in first" }, { status: 401 });
    const { filters, problems } = readSavingsFilters(Object.fromEntries(new URL(request.url).searchParams));
    // A filter that is not understood must not silently widen the export.
    if (problems.length > 0) return Response.json({ error: "Unknown filter value", issues: problems }, { status: 400 });
    return await csvStreamResponse(`savings-${toDayString(new Date())}.csv`, exportSavingsRows(user, filters));
  } catch (error) {
    return errorResponse(error);
  }
}
