import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import type { TeamProjectRow } from "@/lib/data/projects";
import { compassLabel, PROJECT_STATUS_LABELS } from "@/lib/domain/projects";

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });

/** A team's projects with the 90-day flag; owners get the quick paths to log work. */
export function TeamProjects({ teamId, rows, mayEdit }: { teamId: string; rows: TeamProjectRow[]; mayEdit: boolean }) {
  const stale = rows.filter((row) => row.needsUpdate).length;
  return (
    <section aria-labelledby="projects-title" className="rounded-lg border border-slate-200 bg-white p-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="projects-title" className="text-lg font-semibold">
          Improvement projects
        </h2>
        <div className="flex flex-wrap items-center gap-3">
          {rows.length > 0 && (
            <a href={`/api/exports/projects?teamId=${teamId}`} className="text-sm font-medium text-brand-700 underline" download>
              Download CSV
            </a>
          )}
          {mayEdit && (
            <Link href={`/teams/${teamId}/projects/new`} className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
              Log a new project
            </Link>
          )}
        </div>
      </div>
      {stale > 0 && (
        <p className="mt-2 text-sm font-medium text-red-900" data-testid="stale-projects">
          {stale === 1 ? "1 project has" : `${stale} projects have`} not been updated in 90 days. Projects and cycles are documented at least
          every 90 days.
        </p>
      )}
      {rows.length === 0 ? (
        <div className="mt-4">
          <EmptyState title="No projects yet">Log the team&apos;s first improvement project to start tracking its tests of change.</EmptyState>
        </div>
      ) : (
        <div className="mt-4 overflow-x-auto">
          <table className="w-full min-w-[40rem] border-collapse text-left text-sm" data-testid="team-projects">
            <caption className="sr-only">The team&apos;s improvement projects</caption>
            <thead>
              <tr className="border-b border-slate-300 text-slate-700">
                <th scope="col" className="py-2 pr-4 font-semibold">Project</th>
                <th scope="col" className="py-2 pr-4 font-semibold">Status</th>
                <th scope="col" className="py-2 pr-4 font-semibold">Value Compass</th>
                <th scope="col" className="py-2 pr-4 font-semibold">Last update</th>
                {mayEdit && <th scope="col" className="py-2 font-semibold"><span className="sr-only">Action</span></th>}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} className="border-b border-slate-100">
                  <th scope="row" className="py-2 pr-4 font-medium">
                    <Link href={`/projects/${row.id}`} className="hover:underline">
                      {row.title}
                    </Link>
                  </th>
                  <td className="py-2 pr-4">{PROJECT_STATUS_LABELS[row.status]}</td>
                  <td className="py-2 pr-4">{row.compassPoints.map(compassLabel).join(", ")}</td>
                  <td className="py-2 pr-4">
                    {dateFormat.format(row.lastActivityAt)}
                    {row.updatedBy && <span className="text-slate-600"> by {row.updatedBy}</span>}
                    {row.needsUpdate && <span className="ml-2 rounded bg-red-100 px-1.5 py-0.5 text-xs font-semibold text-red-900">Over 90 days</span>}
                  </td>
                  {mayEdit && (
                    <td className="py-2 text-right">
                      <Link href={`/projects/${row.id}#log-update`} className="inline-block rounded-md border border-slate-400 px-3 py-1.5 font-medium hover:bg-slate-100">
                        Log an update<span className="sr-only"> to {row.title}</span>
                      </Link>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
