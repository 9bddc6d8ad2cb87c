import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ProjectForm } from "@/components/projects/project-form";
import { NotPermitted } from "@/components/ui/not-permitted";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { getGoalsForRegion } from "@/lib/data/projects";
import { getTeamTargetOrThrow } from "@/lib/data/teams";
import { NotFoundError } from "@/lib/errors";

export const metadata: Metadata = { title: "New project" };

export default async function NewProjectPage({ params }: PageProps<"/teams/[teamId]/projects/new">) {
  const user = await requireUser();
  const { teamId } = await params;
  const team = await getTeamTargetOrThrow(teamId).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  if (!can(user, "project.edit", team)) return <NotPermitted what="Logging projects for this team" who="its co-leads and UBT consultant" />;
  const goals = await getGoalsForRegion(team.regionId);

  return (
    <div className="max-w-3xl space-y-6">
      <p className="text-sm text-slate-600">
        <Link href={`/teams/${team.teamId}`} className="underline">
          {team.name}
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">New improvement project</h1>
      <div className="rounded-lg border border-slate-200 bg-white p-6">
        <ProjectForm
          mode={{ kind: "create", teamId: team.teamId }}
          goals={goals}
          initial={{ title: "", aim: "", compassPoints: [], goalId: "", tools: [], startDate: "", targetDate: "" }}
        />
      </div>
    </div>
  );
}
