import type { Metadata } from "next";
import Link from "next/link";
import { roleLine } from "@/components/people/role-place";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { FilterForm } from "@/components/ui/filter-form";
import { Input } from "@/components/ui/input";
import { PageOutOfRange, Pagination } from "@/components/ui/pagination";
import { StatusBadge } from "@/components/ui/status-badge";
import { Table, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import { UrlProblems } from "@/components/ui/url-problems";
import { guardPage } from "@/lib/auth/page-guard";
import { requireUser } from "@/lib/auth/session";
import { listPeople, PEOPLE_PAGE_SIZE, type PersonRow } from "@/lib/data/people";
import { countOf, formatCount } from "@/lib/format";
import { readUrlFilters, urlFilters, urlQuery } from "@/lib/validation/url-filters";

export const metadata: Metadata = { title: "People and accounts" };

export default async function PeoplePage({ searchParams }: PageProps<"/admin/people">) {
  const user = await requireUser();
  const { values, problems } = readUrlFilters(await searchParams, { q: urlFilters.q, page: urlFilters.page });
  const search = values.q;
  const people = await guardPage(listPeople(user, { search, page: values.page ?? 1 }));
  const pageHref = (to: number) => `/admin/people?${urlQuery({ q: search, page: to > 1 ? to : undefined })}`;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <p className="max-w-3xl text-slate-700">
          Everyone on the records: their details, their sign-in account and the roles they hold. Open a person to invite them, reset their
          password, or change their roles.
        </p>
        <Button asChild>
          <Link href="/admin/people/new">Add a person</Link>
        </Button>
      </div>

      <FilterForm action="/admin/people" label="Search people">
        <Field label="Name, email or employee id" className="sm:w-96">
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
          search ? (
            <EmptyState title={`No one matches “${search}”`}>
              Try part of the name, the email or the employee id, or <TextLink href="/admin/people">see everyone</TextLink>.
            </EmptyState>
          ) : (
            <EmptyState title="No people yet">
              <TextLink href="/admin/people/new">Add the first person</TextLink>.
            </EmptyState>
          )
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

/** A sponsor of a dozen teams would make a row a screen tall: the person's page lists them all. */
const ROLES_SHOWN = 3;

function PeopleTable({ rows, caption }: { rows: PersonRow[]; caption: string }) {
  return (
    <Table caption={caption} data-testid="people-table">
      <TableHead>
        <tr>
          <TableHeader>Name</TableHeader>
          <TableHeader>Email</TableHeader>
          <TableHeader>Employee id</TableHeader>
          <TableHeader>Account</TableHeader>
          <TableHeader>Roles today</TableHeader>
        </tr>
      </TableHead>
      <tbody>
        {rows.map((person) => (
          <TableRow key={person.id} data-testid={`person-${person.id}`}>
            <TableHeader scope="row" className="min-w-40">
              <TextLink href={`/admin/people/${person.id}`}>{person.displayName}</TextLink>
            </TableHeader>
            <TableCell className="wrap-anywhere">{person.email ?? "—"}</TableCell>
            <TableCell className="whitespace-nowrap">{person.employeeId ?? "—"}</TableCell>
            <TableCell>
              <StatusBadge kind="account" status={person.account} size="sm" />
            </TableCell>
            <TableCell className="min-w-48">
              {person.currentRoles.length === 0 ? (
                <span className="text-slate-600">None</span>
              ) : (
                <ul>
                  {person.currentRoles.slice(0, ROLES_SHOWN).map((role) => (
                    <li key={roleLine(role)}>{roleLine(role)}</li>
                  ))}
                  {person.currentRoles.length > ROLES_SHOWN && <li className="text-slate-600">and {formatCount(person.currentRoles.length - ROLES_SHOWN)} more</li>}
                </ul>
              )}
            </TableCell>
          </TableRow>
        ))}
      </tbody>
    </Table>
  );
}
