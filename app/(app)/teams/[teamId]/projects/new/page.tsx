import type { Metadata } from "next";
import { NewProjectForm } from "@/components/projects/project-form";
import { Card } from "@/components/ui/card";
import { TextLink } from "@/components/ui/text-link";
import { guardPage } from "@/lib/auth/page-guard";
import { requireUser } from "@/lib/auth/session";
import { getNewProjectForm } from "@/lib/data/projects";

export const metadata: Metadata = { title: "New project" };

export default async function NewProjectPage({ params }: PageProps<"/teams/[teamId]/projects/new">) {
  const user = await requireUser();
  const { teamId } = await params;
  const { team, goals, roster } = await guardPage(getNewProjectForm(user, teamId));

  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <p className="text-sm text-slate-600">
          <TextLink href={`/teams/${team.teamId}`}>{team.name}</TextLink>
        </p>
        <h1 className="mt-1 text-2xl font-semibold">New improvement project</h1>
      </div>
      <Card id="new-project" title="Project details" description="Start with the aim; measures, tests of change and savings are added on the project's page.">
        <NewProjectForm teamId={team.teamId} goals={goals} roster={roster} />
      </Card>
    </div>
  );
}
