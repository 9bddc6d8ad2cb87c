import type { Metadata } from "next";
import { roleLine } from "@/components/people/role-place";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { FilterForm } from "@/components/ui/filter-form";
import { Input } from "@/components/ui/input";
import { TextLink } from "@/components/ui/text-link";
import { UrlProblems } from "@/components/ui/url-problems";
import { isEmptyScope, scopeFor } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { SEARCH_MIN_LENGTH, searchEverything, type SearchResults } from "@/lib/data/search";
import { readUrlFilters, urlFilters, urlQuery } from "@/lib/validation/url-filters";

export const metadata: Metadata = { title: "Search" };

// Open to everyone signed in: lib/data/search.ts returns only what the user's roles reach.
export default async function SearchPage({ searchParams }: PageProps<"/search">) {
  const user = await requireUser();
  const { values, problems } = readUrlFilters(await searchParams, { q: urlFilters.q });
  const q = values.q ?? "";
  const results = await searchEverything(user, q);
  const administers = !isEmptyScope(scopeFor(user, "admin.manage"));
  const found = results.teams.length + results.projects.length + (results.people?.length ?? 0);

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{q ? `Search: “${q}”` : "Search"}</h1>
      <FilterForm action="/search" label="Search again">
        <Field label="Teams, projects and people" className="sm:w-96">
          {(control) => <Input {...control} type="search" name="q" defaultValue={q} maxLength={200} />}
        </Field>
      </FilterForm>
      <UrlProblems problems={problems} />

      {q.length < SEARCH_MIN_LENGTH ? (
        <EmptyState title={`Type at least ${SEARCH_MIN_LENGTH} letters`}>Part of a name, a team code or a project title; small typos are fine.</EmptyState>
      ) : found === 0 ? (
        <EmptyState title={`Nothing you can see matches “${q}”`}>
          Try part of a word or another spelling, or browse <TextLink href="/teams">the teams</TextLink>.
        </EmptyState>
      ) : (
        <Results results={results} q={q} administers={administers} />
      )}
    </div>
  );
}

function Results({ results, q, administers }: { results: SearchResults; q: string; administers: boolean }) {
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <Card id="team-results" title="Teams" description={hits(results.teams.length)}>
        <HitList empty="No teams match.">
          {results.teams.map((team) => (
            <li key={team.id}>
              <TextLink href={`/teams/${team.id}`}>{team.name}</TextLink>
              <span className="block text-xs text-slate-600">
                {team.code} · {team.regionName}
              </span>
            </li>
          ))}
        </HitList>
        <p className="mt-3 text-sm">
          <TextLink href={`/teams?${urlQuery({ q })}`}>Teams whose name, code, department or facility contains “{q}”</TextLink>
        </p>
      </Card>
      <Card id="project-results" title="Projects" description={hits(results.projects.length)}>
        <HitList empty="No projects match.">
          {results.projects.map((project) => (
            <li key={project.id}>
              <TextLink href={`/projects/${project.id}`}>{project.title}</TextLink>
              <span className="block text-xs text-slate-600">
                {project.teamCode} · {project.teamName}
              </span>
            </li>
          ))}
        </HitList>
      </Card>
      {results.people && (
        <Card id="people-results" title="People" description={hits(results.people.length)}>
          <HitList empty="No people match.">
            {results.people.map((person) => (
              <li key={person.id}>
                {/* Administrators can open the person; others see who they are and what they do. */}
                {administers ? <TextLink href={`/admin/people/${person.id}`}>{person.displayName}</TextLink> : <span className="font-medium">{person.displayName}</span>}
                <span className="block text-xs text-slate-600">{person.currentRoles.length > 0 ? person.currentRoles.map(roleLine).join("; ") : "No role today"}</span>
              </li>
            ))}
          </HitList>
          <p className="mt-3 text-sm">
            <TextLink href={`/people?${urlQuery({ q })}`}>People whose name contains “{q}”</TextLink>
          </p>
        </Card>
      )}
    </div>
  );
}

/** Under a kind's title; nothing when there are none (the card says so itself). */
function hits(count: number): string | undefined {
  if (count === 0) return undefined;
  return count === 1 ? "Best match" : `Best ${count} matches`;
}

function HitList({ empty, children }: { empty: string; children: React.ReactNode[] }) {
  if (children.length === 0) return <p className="text-sm text-slate-600">{empty}</p>;
  return <ul className="space-y-3 wrap-anywhere">{children}</ul>;
}
