import type { Metadata } from "next";
import { CyclesSection } from "@/components/projects/cycles-section";
import { choicesWithNamed } from "@/components/projects/named-choices";
import { MeasuresSection } from "@/components/projects/measures-section";
import { EditProject, StatusControl } from "@/components/projects/project-controls";
import { SavingsSection } from "@/components/projects/savings-section";
import { SpreadSection } from "@/components/projects/spread-section";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { StatusBadge } from "@/components/ui/status-badge";
import { TextLink } from "@/components/ui/text-link";
import { guardPage } from "@/lib/auth/page-guard";
import { requireUser } from "@/lib/auth/session";
import { getGoalsForRegion, getProjectDetail } from "@/lib/data/projects";
import { listRosterChoices } from "@/lib/data/roster";
import { compassLabel } from "@/lib/domain/projects";
import { TOOL_LABELS } from "@/lib/domain/tools";
import { formatDay } from "@/lib/format";
import { toDayString } from "@/lib/validation/dates";

export const metadata: Metadata = { title: "Project" };

export default async function ProjectPage({ params }: PageProps<"/projects/[projectId]">) {
  const user = await requireUser();
  const { projectId } = await params;
  const { project, target, mayEdit, access } = await guardPage(getProjectDetail(user, projectId));
  const [goals, roster] = mayEdit ? await Promise.all([getGoalsForRegion(target.team.regionId), listRosterChoices(user, target.team.teamId)]) : [[], []];
  const members = project.members.map(({ person }) => ({ value: person.id, label: person.displayName }));

  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm text-slate-600">
          <TextLink href={`/teams/${project.team.id}`}>{project.team.name}</TextLink> · {project.team.region.name}
        </p>
        <h1 className="mt-1 text-2xl font-semibold break-words">{project.title}</h1>
        <div className="mt-2 flex flex-wrap items-center gap-2">
          <StatusBadge kind="project" status={project.status} />
          <ul className="flex flex-wrap gap-2" aria-label="Value Compass points">
            {project.compassPoints.map((point) => (
              <li key={point}>
                <Badge tone="brand">{compassLabel(point)}</Badge>
              </li>
            ))}
          </ul>
          {project.needsUpdate && (
            <Badge tone="alert" data-testid="needs-update">
              Not updated in 90 days
            </Badge>
          )}
        </div>
        {access === "full" && (
          <p className="no-print mt-2 text-sm">
            <TextLink href={`/projects/${project.id}/history`}>History of this project</TextLink>
            <span className="text-slate-600"> · with its measures, cycles and savings</span>
          </p>
        )}
      </div>

      <Card id="aim" title="Aim">
        <p className="whitespace-pre-line break-words">{project.aim}</p>
        <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="text-slate-600">Aligned goal</dt>
          <dd>{project.goal?.title ?? "None"}</dd>
          <dt className="text-slate-600">Tools</dt>
          <dd>{project.tools.length ? project.tools.map((tool) => TOOL_LABELS[tool]).join(", ") : "None recorded"}</dd>
          <dt className="text-slate-600">Dates</dt>
          <dd>
            {project.startDate ? `Started ${formatDay(project.startDate)}` : "Not started"}
            {project.targetDate && ` · target ${formatDay(project.targetDate)}`}
          </dd>
          <dt className="text-slate-600">People</dt>
          <dd data-testid="project-members">{members.length ? members.map((member) => member.label).join(", ") : "No one named yet"}</dd>
          <dt className="text-slate-600">Last update</dt>
          <dd>
            {formatDay(project.lastActivityAt)}
            {project.updatedBy && ` by ${project.updatedBy.displayName}`}
            {project.createdBy && ` · created by ${project.createdBy.displayName}`}
          </dd>
        </dl>
        {mayEdit && (
          <div className="no-print space-y-4 border-t border-slate-200 pt-4">
            <StatusControl projectId={project.id} version={project.version} status={project.status} />
            <EditProject
              projectId={project.id}
              version={project.version}
              goals={goals}
              roster={choicesWithNamed(roster, members)}
              initial={{
                memberIds: members.map((member) => member.value),
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
      </Card>

      {access === "full" ? (
        <>
          {/* Where "Log an update" lands: measures and data points first, then the cycles. */}
          <div id="log-update" className="scroll-mt-4">
            <MeasuresSection project={target} user={user} editable={mayEdit} />
          </div>
          <CyclesSection project={target} user={user} editable={mayEdit} />
          <SavingsSection project={target} user={user} />
        </>
      ) : (
        <Notice data-testid="practice-view">
          You see this completed project as a practice from the library; its measures, tests of change and savings ledger are open to its own team
          and region.
        </Notice>
      )}
      <SpreadSection project={target} user={user} />
    </div>
  );
}
