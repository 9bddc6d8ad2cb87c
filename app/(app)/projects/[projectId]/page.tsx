import type { Metadata } from "next";
import Link from "next/link";
import { CyclesSection } from "@/components/projects/cycles-section";
import { MeasuresSection } from "@/components/projects/measures-section";
import { EditProject, StatusControl } from "@/components/projects/project-controls";
import { SavingsSection } from "@/components/projects/savings-section";
import { SpreadSection } from "@/components/projects/spread-section";
import { guardPage } from "@/lib/auth/page-guard";
import { requireUser } from "@/lib/auth/session";
import { getGoalsForRegion, getProjectDetail } from "@/lib/data/projects";
import { compassLabel, PROJECT_STATUS_LABELS } from "@/lib/domain/projects";
import { TOOL_LABELS } from "@/lib/domain/tools";
import { toDayString } from "@/lib/validation/dates";

export const metadata: Metadata = { title: "Project" };

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });

export default async function ProjectPage({ params }: PageProps<"/projects/[projectId]">) {
  const user = await requireUser();
  const { projectId } = await params;
  const { project, target, mayEdit, access } = await guardPage(getProjectDetail(user, projectId));
  const goals = mayEdit ? await getGoalsForRegion(target.team.regionId) : [];

  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm text-slate-600">
          <Link href={`/teams/${project.team.id}`} className="underline">
            {project.team.name}
          </Link>{" "}
          · {project.team.region.name}
        </p>
        <h1 className="mt-1 text-2xl font-semibold">{project.title}</h1>
        <div className="mt-2 flex flex-wrap items-center gap-2 text-sm">
          <span className="rounded-full bg-slate-100 px-2.5 py-0.5 font-medium ring-1 ring-slate-300" data-testid="project-status">
            {PROJECT_STATUS_LABELS[project.status]}
          </span>
          {project.compassPoints.map((point) => (
            <span key={point} className="rounded-full bg-brand-50 px-2.5 py-0.5 text-brand-800 ring-1 ring-brand-100">
              {compassLabel(point)}
            </span>
          ))}
          {project.needsUpdate && (
            <span className="rounded-full bg-red-100 px-2.5 py-0.5 font-semibold text-red-900" data-testid="needs-update">
              Not updated in 90 days
            </span>
          )}
        </div>
      </div>

      <section aria-labelledby="aim-title" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="aim-title" className="font-semibold">
          Aim
        </h2>
        <p className="mt-1 whitespace-pre-line">{project.aim}</p>
        <dl className="mt-3 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="text-slate-600">Aligned goal</dt>
          <dd>{project.goal?.title ?? "None"}</dd>
          <dt className="text-slate-600">Tools</dt>
          <dd>{project.tools.length ? project.tools.map((tool) => TOOL_LABELS[tool]).join(", ") : "None recorded"}</dd>
          <dt className="text-slate-600">Dates</dt>
          <dd>
            {project.startDate ? `Started ${dateFormat.format(project.startDate)}` : "Not started"}
            {project.targetDate && ` · target ${dateFormat.format(project.targetDate)}`}
          </dd>
          <dt className="text-slate-600">Last update</dt>
          <dd>
            {dateFormat.format(project.lastActivityAt)}
            {project.updatedBy && ` by ${project.updatedBy.displayName}`}
            {project.createdBy && ` · created by ${project.createdBy.displayName}`}
          </dd>
        </dl>
        {mayEdit && (
          <div className="mt-4 flex flex-wrap items-end gap-4">
            <StatusControl projectId={project.id} version={project.version} status={project.status} />
            <EditProject
              key={project.version}
              projectId={project.id}
              version={project.version}
              goals={goals}
              initial={{
                title: project.title,
                aim: project.aim,
                compassPoints: project.compassPoints,
                goalId: project.goalId ?? "",
                tools: project.tools,
                startDate: project.startDate ? toDayString(project.startDate) : "",
                targetDate: project.targetDate ? toDayString(project.targetDate) : "",
              }}
            />
          </div>
        )}
      </section>

      {access === "full" ? (
        <>
          {/* Where "Log an update" lands: measures and data points first, then the cycles. */}
          <div id="log-update" className="scroll-mt-4">
            <MeasuresSection project={target} user={user} />
          </div>
          <CyclesSection project={target} user={user} />
          <SavingsSection project={target} user={user} />
        </>
      ) : (
        <p className="rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-800" data-testid="practice-view">
          You see this completed project as a practice from the library; its measures, tests of change and savings ledger are open to its
          own team and region.
        </p>
      )}
      <SpreadSection project={target} user={user} />
    </div>
  );
}
