import { getCurrentUser } from "@/lib/auth/session";
import { csvStreamResponse } from "@/lib/csv";
import { errorResponse } from "@/lib/errors";
import { exportProjectRows } from "@/lib/data/projects";
import { toDayString } from "@/lib/validation/dates";
import { readUrlFilters, urlFilters } from "@/lib/validation/url-filters";

export const dynamic = "force-dynamic";

const PROJECT_URL_FILTERS = { team: urlFilters.team, region: urlFilters.region, status: urlFilters.projectStatus, compass: urlFilters.compass };

/** CSV of projects, honouring the screens' filters (team, region, status, compass) and the user's scope. */
export async function GET(request: Request) {
  try {
    const user = await getCurrentUser();
    if (!user) return Response.json({ error: "Sign in first" }, { status: 401 });
    const { values, problems } = readUrlFilters(Object.fromEntries(new URL(request.url).searchParams), PROJECT_URL_FILTERS);
    // A filter that is not understood must not silently widen the export.
    if (problems.length > 0) return Response.json({ error: "Unknown filter value", issues: problems }, { status: 400 });
    return await csvStreamResponse(`projects-${toDayString(new Date())}.csv`, exportProjectRows(user, values));
  } catch (error) {
    return errorResponse(error);
  }
}
