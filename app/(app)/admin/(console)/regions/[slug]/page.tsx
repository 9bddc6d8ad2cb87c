import type { Metadata } from "next";
import { CreateFacilityForm } from "@/components/admin/facility-forms";
import { TeamCountCells, TeamCountHeaders } from "@/components/admin/team-counts";
import { Badge } from "@/components/ui/badge";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Card } from "@/components/ui/card";
import { Disclosure } from "@/components/ui/disclosure";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import { guardPage } from "@/lib/auth/page-guard";
import { requireUser } from "@/lib/auth/session";
import { getRegionFacilities } from "@/lib/data/organisation";
import { retirementLabel } from "@/lib/domain/team-lifecycle";
import { countOf, formatCount } from "@/lib/format";

export const metadata: Metadata = { title: "Region" };

export default async function RegionOrganisationPage({ params }: PageProps<"/admin/regions/[slug]">) {
  const user = await requireUser();
  const { slug } = await params;
  const { region, facilities } = await guardPage(getRegionFacilities(user, slug));
  return (
    <div className="space-y-6">
      <Breadcrumbs items={[{ label: "Organisation", href: "/admin" }, { label: region.name }]} />
      <Card
        id="facilities"
        title={`Facilities in ${region.name}`}
        description={countOf(facilities.length, "facility", "facilities")}
      >
        <Disclosure summary="Add a facility" variant="secondary">
          <CreateFacilityForm regionId={region.id} regionName={region.name} />
        </Disclosure>
        {facilities.length === 0 ? (
          <EmptyState title={`${region.name} has no facilities yet`}>Add one to give its departments and teams a place.</EmptyState>
        ) : (
          <Table caption={`Facilities in ${region.name} with their departments and teams`}>
            <TableHead>
              <tr>
                <TableHeader>Facility</TableHeader>
                <TableHeader numeric>Departments</TableHeader>
                <TeamCountHeaders />
              </tr>
            </TableHead>
            <tbody>
              {facilities.map((facility) => (
                <TableRow key={facility.id} data-testid={`facility-${facility.id}`}>
                  <TableHeader scope="row" className="min-w-48">
                    <span className="flex flex-wrap items-center gap-2">
                      <TextLink href={`/admin/facilities/${facility.id}`}>{facility.name}</TextLink>
                      {facility.retiredQuarter && <Badge size="sm">{retirementLabel(facility.retiredQuarter)}</Badge>}
                    </span>
                  </TableHeader>
                  <TableCell numeric>{formatCount(facility.departments)}</TableCell>
                  <TeamCountCells counts={facility} />
                </TableRow>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </div>
  );
}
