import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { FilterForm } from "@/components/ui/filter-form";
import { Input } from "@/components/ui/input";
import { PageOutOfRange, Pagination } from "@/components/ui/pagination";
import { optionsOf, Select, type SelectOption } from "@/components/ui/select";
import { StatusBadge } from "@/components/ui/status-badge";
import { Table, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { DownloadLink, TextLink } from "@/components/ui/text-link";
import { UrlProblems } from "@/components/ui/url-problems";
import { guardPage } from "@/lib/auth/page-guard";
import { requireUser } from "@/lib/auth/session";
import { getTeamDirectoryPlaces, listTeamDirectory, TEAM_DIRECTORY_PAGE_SIZE, type DirectoryPlaces, type TeamDirectoryRow } from "@/lib/data/team-directory";
import { LEVELS } from "@/lib/domain/path-to-performance";
import { formatQuarter, type Quarter } from "@/lib/domain/quarter";
import { QUEUE_STATUS_LABELS } from "@/lib/domain/rating-workflow";
import { retirementLabel } from "@/lib/domain/team-lifecycle";
import { countOf, formatCount, formatLevel } from "@/lib/format";
import { TEAM_DIRECTORY_FILTERS, type TeamDirectoryFilters } from "@/lib/validation/team-directory";
import { readUrlFilters, urlFilters, urlQuery, type UrlProblem } from "@/lib/validation/url-filters";

export const metadata: Metadata = { title: "Teams" };

const LEVEL_OPTIONS: SelectOption[] = [
  { value: "", label: "Any level" },
  ...LEVELS.map(({ level }) => ({ value: String(level), label: formatLevel(level) })),
  { value: "none", label: "No level yet" },
];

// Every team the user may see (the matrix's team.view, in the query): co-leads and sponsors
// their teams, consultants their region, partnership staff everything.
export default async function TeamsPage({ searchParams }: PageProps<"/teams">) {
  const user = await requireUser();
  const params = await searchParams;
  const read = readUrlFilters(params, { ...TEAM_DIRECTORY_FILTERS, page: urlFilters.page });
  const { page = 1, ...chosen } = read.values;
  const places = await guardPage(getTeamDirectoryPlaces(user, chosen.region));
  // A region or facility the user has no teams in would show an empty list as if the teams did not exist: name it instead.
  const problems: UrlProblem[] = [...read.problems];
  const filters: TeamDirectoryFilters = { ...chosen };
  if (filters.region && !places.regions.some((region) => region.slug === filters.region)) {
    problems.push({ name: "region", value: filters.region, message: "Choose one of your teams' regions from the list" });
    filters.region = undefined;
    filters.facility = undefined;
  }
  if (filters.facility && !places.facilities.some((facility) => facility.id === filters.facility)) {
    problems.push({ name: "facility", value: filters.facility, message: "Choose a facility of the chosen region from the list" });
    filters.facility = undefined;
  }
  const directory = await listTeamDirectory(user, filters, page);
  const query = (extra: Record<string, string | number | undefined> = {}) => urlQuery({ ...filters, level: filters.level?.toString(), ...extra });
  const pageHref = (to: number) => `/teams?${query({ page: to > 1 ? to : undefined })}`;
  const filtered = Object.values(filters).some((value) => value !== undefined);

  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold">Teams</h1>
        <p className="mt-1 max-w-3xl text-slate-700">
          Every team you can see, by name, with its latest final level and where its rating for {formatQuarter(directory.quarter)} stands.
        </p>
      </header>

      <DirectoryFilterForm filters={filters} places={places} />
      <UrlProblems problems={problems} instead="Showing the teams without those filters; use the form above to choose." />

      <Card
        id="teams"
        title={filtered ? "Teams matching the filters" : "All your teams"}
        description={
          <span data-testid="teams-count">
            {countOf(directory.count, "team")}
            {directory.pageCount > 1 && ` · ${formatCount(TEAM_DIRECTORY_PAGE_SIZE)} a page, by name`}
          </span>
        }
      >
        {directory.count > 0 && (
          <p className="mb-3 text-sm">
            <DownloadLink href={`/api/exports/teams?${query()}`} download>
              Download these teams as CSV
            </DownloadLink>
          </p>
        )}
        {directory.count === 0 ? (
          <EmptyState title={filtered ? "No teams match these filters" : "No teams to show"}>
            {filtered ? (
              <>
                Try fewer filters or part of a name, or <TextLink href="/teams">see all your teams</TextLink>.
              </>
            ) : (
              "None of your roles is on a team yet."
            )}
          </EmptyState>
        ) : directory.rows.length === 0 ? (
          <PageOutOfRange page={directory.page} pageCount={directory.pageCount} firstPageHref={pageHref(1)} />
        ) : (
          <div className="space-y-4">
            <TeamsTable
              rows={directory.rows}
              quarter={directory.quarter}
              caption={`Teams${directory.pageCount > 1 ? `, page ${formatCount(directory.page)} of ${formatCount(directory.pageCount)}` : ""}`}
            />
            <Pagination page={directory.page} pageCount={directory.pageCount} href={pageHref} label="Pages of teams" />
          </div>
        )}
      </Card>
    </div>
  );
}

function DirectoryFilterForm({ filters, places }: { filters: TeamDirectoryFilters; places: DirectoryPlaces }) {
  return (
    <FilterForm action="/teams" label="Find teams" framed>
      <Field label="Name, code, department or facility" className="sm:w-72">
        {(control) => <Input {...control} type="search" name="q" defaultValue={filters.q ?? ""} maxLength={200} />}
      </Field>
      {/* Someone whose teams are in one region has it as their only choice. */}
      <SelectField
        name="region"
        label="Region"
        value={filters.region ?? ""}
        options={
          places.regions.length === 1
            ? [{ value: "", label: places.regions[0]!.name }]
            : [{ value: "", label: "All regions" }, ...places.regions.map((region) => ({ value: region.slug, label: region.name }))]
        }
      />
      {places.facilities.length > 0 && (
        <SelectField
          name="facility"
          label="Facility"
          value={filters.facility ?? ""}
          options={[{ value: "", label: "All facilities" }, ...places.facilities.map((facility) => ({ value: facility.id, label: facility.name }))]}
        />
      )}
      <SelectField name="level" label="Level (latest final rating)" value={filters.level?.toString() ?? ""} options={LEVEL_OPTIONS} />
      <SelectField
        name="ratingStatus"
        label="Rating this quarter"
        value={filters.ratingStatus ?? ""}
        options={[{ value: "", label: "Any status" }, ...optionsOf(QUEUE_STATUS_LABELS)]}
      />
      <SelectField
        name="lifecycle"
        label="Active or retired"
        value={filters.lifecycle ?? ""}
        options={[
          { value: "", label: "Active and retired" },
          { value: "active", label: "Active" },
          { value: "retired", label: "Retired" },
        ]}
      />
    </FilterForm>
  );
}

function SelectField({ name, label, value, options }: { name: string; label: string; value: string; options: SelectOption[] }) {
  return (
    // No wider than the form: a long facility name must not push its select out of the page on a phone.
    <Field label={label} className="max-w-full sm:max-w-64">
      {(control) => <Select {...control} name={name} defaultValue={value} options={options} />}
    </Field>
  );
}

function TeamsTable({ rows, quarter, caption }: { rows: TeamDirectoryRow[]; quarter: Quarter; caption: string }) {
  return (
    <Table caption={caption} data-testid="teams-table">
      <TableHead>
        <tr>
          <TableHeader>Team</TableHeader>
          <TableHeader>Where</TableHeader>
          <TableHeader>Level</TableHeader>
          <TableHeader>Rating {formatQuarter(quarter)}</TableHeader>
          <TableHeader>Status</TableHeader>
        </tr>
      </TableHead>
      <tbody>
        {rows.map((team) => (
          <TableRow key={team.id} data-testid={`team-${team.code}`}>
            <TableHeader scope="row" className="min-w-48">
              <TextLink href={`/teams/${team.id}`}>{team.name}</TextLink>
              <span className="block text-xs font-normal text-slate-600">{team.code}</span>
            </TableHeader>
            <TableCell className="min-w-40">
              {team.departmentName}
              <span className="block text-xs text-slate-600">
                {team.facilityName} · {team.regionName}
              </span>
            </TableCell>
            <TableCell className="min-w-32">
              {team.levelQuarter === null ? (
                <span className="text-slate-600">Not rated yet</span>
              ) : (
                <>
                  {formatLevel(team.level)}
                  <span className="block text-xs text-slate-600">{team.levelQuarter}</span>
                </>
              )}
            </TableCell>
            <TableCell>
              <StatusBadge kind="rating" status={team.ratingStatus} signoffs={team.signoffs} size="sm" />
            </TableCell>
            <TableCell className="whitespace-nowrap">{team.retiredQuarter ? retirementLabel(team.retiredQuarter) : "Active"}</TableCell>
          </TableRow>
        ))}
      </tbody>
    </Table>
  );
}
