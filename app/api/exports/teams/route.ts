import { getCurrentUser } from "@/lib/auth/session";
import { csvStreamResponse } from "@/lib/csv";
import { exportTeamDirectoryRows } from "@/lib/data/team-directory";
import { errorResponse } from "@/lib/errors";
import { toDayString } from "@/lib/validation/dates";
import { TEAM_DIRECTORY_FILTERS } from "@/lib/validation/team-directory";
import { readUrlFilters } from "@/lib/validation/url-filters";

export const dynamic = "force-dynamic";

/** CSV of the team directory: the page's filters (without its paging) and the user's scope. */
export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: "Sign in first" }, { status: 401 });
  const { values, problems } = readUrlFilters(Object.fromEntries(new URL(request.url).searchParams), TEAM_DIRECTORY_FILTERS);
  // A filter that is not understood must not silently widen the export.
  if (problems.length > 0) return Response.json({ error: "Unknown filter value", issues: problems }, { status: 400 });
  try {
    return await csvStreamResponse(`teams-${toDayString(new Date())}.csv`, exportTeamDirectoryRows(user, values));
  } catch (error) {
    // Someone whose roles reach no team: a 403 in the matrix's words.
    return errorResponse(error);
  }
}
