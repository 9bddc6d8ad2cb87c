import type { Metadata } from "next";
import { CreateDepartmentForm, EditDepartmentForm, MergeDepartmentForm } from "@/components/admin/department-forms";
import { FacilityRetirementForm, RenameFacilityForm } from "@/components/admin/facility-forms";
import { CreateTeamForm } from "@/components/admin/team-forms";
import { Badge } from "@/components/ui/badge";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Card } from "@/components/ui/card";
import { Disclosure } from "@/components/ui/disclosure";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { Table, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import { guardPage } from "@/lib/auth/page-guard";
import { requireUser } from "@/lib/auth/session";
import { getFacilityOrganisation, type FacilityOrganisation, type OrgDepartment } from "@/lib/data/organisation";
import { currentQuarter, formatQuarter } from "@/lib/domain/quarter";
import { retirementLabel, retirementQuarter } from "@/lib/domain/team-lifecycle";
import { countOf } from "@/lib/format";
import { DEPARTMENT_TYPE_LABELS } from "@/lib/validation/practices";

export const metadata: Metadata = { title: "Facility" };

export default async function FacilityOrganisationPage({ params }: PageProps<"/admin/facilities/[facilityId]">) {
  const user = await requireUser();
  const { facilityId } = await params;
  const organisation = await guardPage(getFacilityOrganisation(user, facilityId));
  const { region, facility, departments } = organisation;
  const teams = departments.flatMap((department) => department.teams);
  const retired = facility.retiredQuarter !== null;

  return (
    <div className="space-y-6">
      <Breadcrumbs items={[{ label: "Organisation", href: "/admin" }, { label: region.name, href: `/admin/regions/${region.slug}` }, { label: facility.name }]} />
      <Card
        id="facility"
        title={facility.name}
        description={`${region.name} · ${countOf(departments.length, "department")} · ${countOf(teams.filter((team) => !team.retiredQuarter).length, "active team")}`}
      >
        {facility.retiredQuarter && (
          <Notice tone="warning">
            {retirementLabel(facility.retiredQuarter)}. It takes no new teams; reactivating it brings back the teams that retired with it.
          </Notice>
        )}
        <div className="flex flex-wrap items-start gap-3">
          <Disclosure summary="Add a department" variant="secondary" className="open:basis-full">
            <CreateDepartmentForm facilityId={facility.id} facilityName={facility.name} />
          </Disclosure>
          <Disclosure summary="Rename" variant="secondary" className="open:basis-full">
            <RenameFacilityForm facilityId={facility.id} name={facility.name} />
          </Disclosure>
          <FacilityRetirementForm facility={facility} operatingTeams={teams.filter((team) => !team.retiredQuarter).length} retiresFrom={formatQuarter(retirementQuarter())} />
        </div>
      </Card>

      {departments.length === 0 ? (
        <EmptyState title={`${facility.name} has no departments yet`}>Add a department, then its teams.</EmptyState>
      ) : (
        departments.map((department) => (
          <DepartmentCard key={department.id} department={department} organisation={organisation} facilityRetired={retired} />
        ))
      )}
    </div>
  );
}

function DepartmentCard({ department, organisation, facilityRetired }: { department: OrgDepartment; organisation: FacilityOrganisation; facilityRetired: boolean }) {
  const { facility, departments, unionLocals } = organisation;
  const others = departments.filter((other) => other.id !== department.id).map(({ id, name }) => ({ id, name }));
  return (
    <Card
      id={`department-${department.id}`}
      headingLevel={3}
      title={department.name}
      description={`${DEPARTMENT_TYPE_LABELS[department.type]} · ${countOf(department.teams.length, "team")}`}
    >
      {department.teams.length === 0 ? (
        <p className="text-sm text-slate-600">No teams in this department.</p>
      ) : (
        <Table caption={`Teams of ${department.name}, ${facility.name}`}>
          <TableHead>
            <tr>
              <TableHeader>Code</TableHeader>
              <TableHeader>Team</TableHeader>
              <TableHeader>Chartered</TableHeader>
              <TableHeader>Status</TableHeader>
            </tr>
          </TableHead>
          <tbody>
            {department.teams.map((team) => (
              <TableRow key={team.id} data-testid={`team-${team.id}`}>
                <TableHeader scope="row">
                  <TextLink href={`/admin/teams/${team.id}`}>{team.code}</TextLink>
                </TableHeader>
                <TableCell className="min-w-48">{team.name}</TableCell>
                <TableCell className="whitespace-nowrap">{formatQuarter(team.charteredQuarter)}</TableCell>
                <TableCell>{team.retiredQuarter ? <Badge size="sm">{retirementLabel(team.retiredQuarter)}</Badge> : <Badge size="sm" tone="success">Active</Badge>}</TableCell>
              </TableRow>
            ))}
          </tbody>
        </Table>
      )}
      {/* The controls share a row; the one opened takes the row's whole width for its form. */}
      <div className="flex flex-wrap gap-x-6">
        {!facilityRetired && (
          <Disclosure summary="Add a team" label={`Add a team to ${department.name}`} className="open:basis-full">
            <CreateTeamForm department={{ id: department.id, name: department.name }} unionLocals={unionLocals} thisQuarter={currentQuarter()} />
          </Disclosure>
        )}
        <Disclosure summary="Edit department" label={`Edit ${department.name}`} className="open:basis-full">
          <EditDepartmentForm department={{ id: department.id, name: department.name, type: department.type }} facilityName={facility.name} />
        </Disclosure>
        {others.length > 0 && (
          <Disclosure summary="Merge into another department…" label={`Merge ${department.name} into another department`} className="open:basis-full">
            <MergeDepartmentForm department={{ id: department.id, name: department.name }} teamCount={department.teams.length} others={others} />
          </Disclosure>
        )}
      </div>
    </Card>
  );
}
