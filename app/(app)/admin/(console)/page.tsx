import type { Metadata } from "next";
import { TeamCountCells, TeamCountHeaders } from "@/components/admin/team-counts";
import { Card } from "@/components/ui/card";
import { Table, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import { guardPage } from "@/lib/auth/page-guard";
import { requireUser } from "@/lib/auth/session";
import { getOrganisationRegions } from "@/lib/data/organisation";
import { formatCount } from "@/lib/format";

export const metadata: Metadata = { title: "Organisation" };

/** The organisation's top: the regions the administrator administers; each opens its facilities. */
export default async function OrganisationPage() {
  const user = await requireUser();
  const regions = await guardPage(getOrganisationRegions(user));
  return (
    <Card id="regions" title="Regions" description="Choose a region to see its facilities, departments and teams.">
      <Table caption="Regions with their facilities, departments and teams">
        <TableHead>
          <tr>
            <TableHeader>Region</TableHeader>
            <TableHeader numeric>Facilities</TableHeader>
            <TableHeader numeric>Departments</TableHeader>
            <TeamCountHeaders />
          </tr>
        </TableHead>
        <tbody>
          {regions.map((region) => (
            <TableRow key={region.id} data-testid={`region-${region.slug}`}>
              <TableHeader scope="row" className="min-w-40">
                <TextLink href={`/admin/regions/${region.slug}`}>{region.name}</TextLink>
              </TableHeader>
              <TableCell numeric>{formatCount(region.facilities)}</TableCell>
              <TableCell numeric>{formatCount(region.departments)}</TableCell>
              <TeamCountCells counts={region} />
            </TableRow>
          ))}
        </tbody>
      </Table>
    </Card>
  );
}
