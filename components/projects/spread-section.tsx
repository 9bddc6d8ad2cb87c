import { AdoptPracticeForm } from "@/components/practices/adopt-practice-form";
import { Card } from "@/components/ui/card";
import { TextLink } from "@/components/ui/text-link";
import type { CurrentUser } from "@/lib/auth/session";
import { getAdoptableTeams, getSpread, type SpreadEntry } from "@/lib/data/practices";
import type { ProjectTarget } from "@/lib/data/projects";
import { COMPLETED_STATUSES } from "@/lib/domain/projects";
import { formatDay } from "@/lib/format";

/**
 * Where the project's practice came from and where it spread to: both the original and
 * the adopting teams are credited. A completed project can be adopted from here.
 */
export async function SpreadSection({ project, user }: { project: ProjectTarget; user: CurrentUser }) {
  const completed = COMPLETED_STATUSES.includes(project.status);
  const [spread, adoptableTeams] = await Promise.all([getSpread(project.projectId), completed ? getAdoptableTeams(user) : []]);
  // A project back in testing keeps the adopters it had; one that never spread shows nothing.
  const showAdopters = completed || spread.adopters.length > 0;
  if (!spread.adoptedFrom && !showAdopters) return null;

  return (
    <Card id="spread" title="Spread" data-testid="spread">
      {spread.adoptedFrom && (
        <p className="text-sm" data-testid="adopted-from">
          Adopted from <ProjectLink entry={spread.adoptedFrom} /> ({spread.adoptedFrom.teamName}) on {formatDay(spread.adoptedFrom.adoptedAt)}.
        </p>
      )}
      {showAdopters && <Adopters adopters={spread.adopters} />}
      {completed && (
        <AdoptPracticeForm
          originProjectId={project.projectId}
          practiceTitle={project.title}
          teams={adoptableTeams}
          unavailableTeamIds={[project.team.teamId, ...spread.adopters.map((adopter) => adopter.teamId)]}
        />
      )}
    </Card>
  );
}

function Adopters({ adopters }: { adopters: SpreadEntry[] }) {
  return (
    <div>
      <h3 className="text-sm font-semibold text-slate-800">Adopted by</h3>
      {adopters.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600">No other team has adopted this practice yet.</p>
      ) : (
        <ul className="mt-1 space-y-1 text-sm" data-testid="adopters">
          {adopters.map((adopter) => (
            <li key={adopter.projectId}>
              <span className="font-medium">{adopter.teamName}</span>: <ProjectLink entry={adopter} />, {formatDay(adopter.adoptedAt)}
            </li>
          ))}
        </ul>
      )}
      <p className="mt-2 text-sm text-slate-600">Savings stay credited to the team that achieved them; adopting teams report their own.</p>
    </div>
  );
}

function ProjectLink({ entry }: { entry: SpreadEntry }) {
  return <TextLink href={`/projects/${entry.projectId}`}>{entry.projectTitle}</TextLink>;
}
