import type { Metadata } from "next";
import { roleLine } from "@/components/people/role-place";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { FilterForm } from "@/components/ui/filter-form";
import { Input } from "@/components/ui/input";
import { PageOutOfRange, Pagination } from "@/components/ui/pagination";
import { Table, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import { UrlProblems } from "@/components/ui/url-problems";
import { guardPage } from "@/lib/auth/page-guard";
import { requireUser } from "@/lib/auth/session";
import { listDirectoryPeople, PEOPLE_PAGE_SIZE, type DirectoryPersonRow } from "@/lib/data/people";
import { countOf, formatCount } from "@/lib/format";
import { readUrlFilters, urlFilters, urlQuery } from "@/lib/validation/url-filters";

export const metadata: Metadata = { title: "People" };

export default async function PeopleDirectoryPage({ searchParams }: PageProps<"/people">) {
  const user = await requireUser();
  const { values, problems } = readUrlFilters(await searchParams, { q: urlFilters.q, page: urlFilters.page });
  const search = values.q;
  const people = await guardPage(listDirectoryPeople(user, { search, page: values.page ?? 1 }));
  const pageHref = (to: number) => `/people?${urlQuery({ q: search, page: to > 1 ? to : undefined })}`;

  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold">People</h1>
        <p className="mt-1 max-w-3xl text-slate-700">The people on the records you can see, with the roles they hold today and the team rosters they are on.</p>
      </header>

      <FilterForm action="/people" label="Search people">
        <Field label="Name, or part of it" className="sm:w-96">
          {(control) => <Input {...control} type="search" name="q" defaultValue={search ?? ""} maxLength={200} />}
        </Field>
      </FilterForm>
      <UrlProblems problems={problems} instead="Showing everyone from the first page; use the search above." />

      <Card
        id="people"
        title={search ? `People matching “${search}”` : "People"}
        description={
          <span data-testid="people-count">
            {countOf(people.count, "person", "people")}
            {people.pageCount > 1 && ` · ${formatCount(PEOPLE_PAGE_SIZE)} a page, by name`}
          </span>
        }
      >
        {people.count === 0 ? (
          <EmptyState title={search ? `No one matches “${search}”` : "No people to show"}>
            {search ? (
              <>
                Try a shorter part of the name, or <TextLink href="/people">see everyone</TextLink>.
              </>
            ) : (
              "No one holds a role or a roster place in your region yet."
            )}
          </EmptyState>
        ) : people.rows.length === 0 ? (
          <PageOutOfRange page={people.page} pageCount={people.pageCount} firstPageHref={pageHref(1)} />
        ) : (
          <div className="space-y-4">
            <PeopleTable rows={people.rows} caption={`People${people.pageCount > 1 ? `, page ${formatCount(people.page)} of ${formatCount(people.pageCount)}` : ""}`} />
            <Pagination page={people.page} pageCount={people.pageCount} href={pageHref} label="Pages of people" />
          </div>
        )}
      </Card>
    </div>
  );
}

/** A sponsor of a dozen teams would make a row a screen tall. */
const SHOWN = 3;

function PeopleTable({ rows, caption }: { rows: DirectoryPersonRow[]; caption: string }) {
  return (
    <Table caption={caption} data-testid="people-table">
      <TableHead>
        <tr>
          <TableHeader>Name</TableHeader>
          <TableHeader>Roles today</TableHeader>
          <TableHeader>Teams (roster)</TableHeader>
        </tr>
      </TableHead>
      <tbody>
        {rows.map((person) => (
          <TableRow key={person.id} data-testid={`person-${person.id}`}>
            <TableHeader scope="row" className="min-w-40">
              {person.displayName}
            </TableHeader>
            <TableCell className="min-w-48">
              <ShortList items={person.currentRoles.map((role) => ({ key: roleLine(role), content: roleLine(role) }))} />
            </TableCell>
            <TableCell className="min-w-48">
              <ShortList
                items={person.teams.map((team) => ({
                  key: team.id,
                  content: (
                    <TextLink href={`/teams/${team.id}`}>
                      {team.code} · {team.name}
                    </TextLink>
                  ),
                }))}
              />
            </TableCell>
          </TableRow>
        ))}
      </tbody>
    </Table>
  );
}

function ShortList({ items }: { items: { key: string; content: React.ReactNode }[] }) {
  if (items.length === 0) return <span className="text-slate-600">None</span>;
  return (
    <ul>
      {items.slice(0, SHOWN).map((item) => (
        <li key={item.key}>{item.content}</li>
      ))}
      {items.length > SHOWN && <li className="text-slate-600">and {formatCount(items.length - SHOWN)} more</li>}
    </ul>
  );
}
