import type { Metadata } from "next";
import Link from "next/link";
import { ProjectForm } from "@/components/projects/project-form";
import { guardPage } from "@/lib/auth/page-guard";
import { requireUser } from "@/lib/auth/session";
import { getNewProjectForm } from "@/lib/data/projects";

export const metadata: Metadata = { title: "New project" };

export default async function NewProjectPage({ params }: PageProps<"/teams/[teamId]/projects/new">) {
  const user = await requireUser();
  const { teamId } = await params;
  const { team, goals } = await guardPage(getNewProjectForm(user, teamId));

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
