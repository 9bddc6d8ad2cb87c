import type { Metadata } from "next";
import { AdoptableTeamsProvider } from "@/components/practices/adoptable-teams";
import { PracticeCard } from "@/components/practices/practice-card";
import { PracticeSearchForm } from "@/components/practices/practice-search-form";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { PageOutOfRange, Pagination } from "@/components/ui/pagination";
import { TextLink } from "@/components/ui/text-link";
import { requireUser } from "@/lib/auth/session";
import { getAdoptableTeams, getRegionOptions, searchPractices, type PracticeResults, type RegionOption } from "@/lib/data/practices";
import { InvalidInputError } from "@/lib/errors";
import { countOf, formatCount } from "@/lib/format";
import { parseInput } from "@/lib/validation/parse";
import { urlValue } from "@/lib/validation/url-filters";
import { practiceSearchHref, practiceSearchSchema, type PracticeFilters, type PracticeSearchValues } from "@/lib/validation/practices";

export const metadata: Metadata = { title: "Practice library" };

type SearchParams = Awaited<PageProps<"/practices">["searchParams"]>;

// Every signed-in user may search the library; lib/data/practices.ts returns only what it may show.
export default async function PracticesPage({ searchParams }: PageProps<"/practices">) {
  const user = await requireUser();
  const params = await searchParams;
  const [regions, adoptableTeams] = await Promise.all([getRegionOptions(), getAdoptableTeams(user)]);
  const search = readSearch(params, regions);
  const values = formValues(params);

  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold">Practice library</h1>
        <p className="mt-1 max-w-3xl text-slate-700">
          Implemented and sustained improvements from teams across the organisation, the most adopted first. Adopting one starts your team&apos;s own
          project; savings stay credited to the team that achieved them.
        </p>
      </header>
      <Card id="search" title="Find a practice" className="no-print">
        <PracticeSearchForm values={values} regions={regions} fieldErrors={search.ok ? {} : search.fieldErrors} />
      </Card>
      {search.ok ? (
        <AdoptableTeamsProvider teams={adoptableTeams}>
          <Results results={await searchPractices(search.filters)} values={values} mayAdopt={adoptableTeams.length > 0} />
        </AdoptableTeamsProvider>
      ) : (
        <Notice tone="warning">Correct the search above to see practices.</Notice>
      )}
    </div>
  );
}

function Results({ results, values, mayAdopt }: { results: PracticeResults; values: PracticeSearchValues; mayAdopt: boolean }) {
  if (results.total === 0) {
    return (
      <EmptyState title="No practices match this search">
        Try fewer words or fewer filters, or <TextLink href="/practices">clear the search</TextLink>.
      </EmptyState>
    );
  }
  if (results.practices.length === 0) {
    return <PageOutOfRange page={results.page} pageCount={results.pageCount} firstPageHref={practiceSearchHref(values)} />;
  }
  return (
    <section aria-labelledby="results-title" className="space-y-3">
      <h2 id="results-title" className="text-lg font-semibold" data-testid="result-count">
        {results.totalIsCapped ? `More than ${countOf(results.total, "practice")}` : countOf(results.total, "practice")}
        {results.pageCount > 1 && <span className="font-normal text-slate-600"> · page {formatCount(results.page)} of {formatCount(results.pageCount)}</span>}
      </h2>
      {results.totalIsCapped && <p className="text-slate-700">The first {formatCount(results.total)} are listed; add words or filters to find the rest.</p>}
      <ol className="space-y-3">
        {results.practices.map((practice) => (
          <PracticeCard key={practice.projectId} practice={practice} mayAdopt={mayAdopt} />
        ))}
      </ol>
      <Pagination page={results.page} pageCount={results.pageCount} href={(page) => practiceSearchHref(values, page)} label="Pages of results" />
    </section>
  );
}

type Search = { ok: true; filters: PracticeFilters } | { ok: false; fieldErrors: Record<string, string[]> };

/** The URL's search through the shared schema; a region that is not on the list is refused like any other bad field. */
function readSearch(params: SearchParams, regions: RegionOption[]): Search {
  let filters: PracticeFilters;
  try {
    filters = parseInput(practiceSearchSchema, params);
  } catch (error) {
    if (error instanceof InvalidInputError) return { ok: false, fieldErrors: error.fieldErrors };
    throw error;
  }
  if (filters.regionSlug && !regions.some((region) => region.slug === filters.regionSlug)) {
    return { ok: false, fieldErrors: { region: ["Choose a region from the list"] } };
  }
  return { ok: true, filters };
}

/** What the person typed, to show back in the form and to carry into the page links. */
function formValues(params: SearchParams): PracticeSearchValues {
  const typed = (value: string | string[] | undefined) => [urlValue(value) ?? ""].flat().join(", ");
  return { q: typed(params.q), compass: typed(params.compass), department: typed(params.department), region: typed(params.region), minSavings: typed(params.minSavings) };
}
