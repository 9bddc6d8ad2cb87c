import type { Metadata } from "next";
import Link from "next/link";
import { TeamBoard } from "@/components/projects/team-board";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { guardPage } from "@/lib/auth/page-guard";
import { requireUser } from "@/lib/auth/session";
import { listTeamProjects } from "@/lib/data/projects";
import { getTeamHistory } from "@/lib/data/team-history";

export const metadata: Metadata = { title: "Team board" };

/** The team's projects by status, for the huddle board; whoever sees the team sees it, its co-leads move the cards. */
export default async function TeamBoardPage({ params }: PageProps<"/teams/[teamId]/board">) {
  const user = await requireUser();
  const { teamId } = await params;
  const { team, may } = await guardPage(getTeamHistory(user, teamId));
  const rows = await listTeamProjects(user, team.id);
  const onBoard = rows.filter((row) => row.status !== "ABANDONED");
  const abandoned = rows.length - onBoard.length;

  return (
    <div className="space-y-6">
      <Breadcrumbs items={[{ label: team.name, href: `/teams/${team.id}` }, { label: "Board" }]} />
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold break-words">Board of {team.name}</h1>
          <p className="mt-1 max-w-3xl text-slate-700">
            Each project in the column of its status.
            {may.editProjects && " Move a card with its buttons, or focus it and press → or ←; each move is a status change, recorded on the project."}
            {abandoned > 0 && ` ${abandoned === 1 ? "1 abandoned project is" : `${abandoned} abandoned projects are`} left off the board.`}
          </p>
        </div>
        {may.editProjects && (
          <Button asChild>
            <Link href={`/teams/${team.id}/projects/new`}>Log a new project</Link>
          </Button>
        )}
      </header>
      {onBoard.length === 0 ? (
        <EmptyState title="No projects on the board">Log the team&apos;s first improvement project; it starts in the Idea column.</EmptyState>
      ) : (
        <TeamBoard rows={onBoard} mayMove={may.editProjects} />
      )}
    </div>
  );
}
