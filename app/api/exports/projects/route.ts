import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import { toCsv } from "@/lib/csv";
import { exportProjectRows } from "@/lib/data/projects";

export const dynamic = "force-dynamic";

const filtersSchema = z.object({
  teamId: z.uuid().optional(),
  regionId: z.uuid().optional(),
  status: z.enum(["IDEA", "ACTIVE", "TESTING", "IMPLEMENTED", "SUSTAINED", "ABANDONED"]).optional(),
  compassPoint: z.enum(["PATIENT_AND_MEMBER_FOCUS", "BEST_QUALITY", "BEST_SERVICE", "MOST_AFFORDABLE", "BEST_PLACE_TO_WORK"]).optional(),
});

/** CSV of projects, honouring the page's filters and the user's scope. */
export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: "Sign in first" }, { status: 401 });
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const filters = filtersSchema.safeParse(params);
  if (!filters.success) return Response.json({ error: "Unknown filter value", issues: filters.error.issues.map((issue) => issue.path.join(".")) }, { status: 400 });
  const { headers, rows } = await exportProjectRows(user, filters.data);
  return new Response(toCsv(headers, rows), {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="projects.csv"' },
  });
}
