import type { Metadata } from "next";
import { EditTeamForm, MoveTeamForm, TeamRetirementForm } from "@/components/admin/team-forms";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { FilterForm } from "@/components/ui/filter-form";
import { Notice } from "@/components/ui/notice";
import { Select } from "@/components/ui/select";
import { TextLink } from "@/components/ui/text-link";
import { UrlProblems } from "@/components/ui/url-problems";
import { guardPage } from "@/lib/auth/page-guard";
import { requireUser } from "@/lib/auth/session";
import { getAdminTeam, getMoveDestinations, type AdminTeam } from "@/lib/data/organisation";
import { currentQuarter, formatQuarter } from "@/lib/domain/quarter";
import { retirementLabel, retirementQuarter } from "@/lib/domain/team-lifecycle";
import { readUrlFilters, urlFilters } from "@/lib/validation/url-filters";

export const metadata: Metadata = { title: "Team administration" };

export default async function AdminTeamPage({ params, searchParams }: PageProps<"/admin/teams/[teamId]">) {
  const user = await requireUser();
  const { teamId } = await params;
  const admin = await guardPage(getAdminTeam(user, teamId));
  const { team, region, facility, department } = admin;
  // The move form offers the departments of one facility at a time: the team's own unless another is chosen.
  const { values, problems } = readUrlFilters(await searchParams, { facility: urlFilters.facility });
  const chosen = values.facility ? await getMoveDestinations(user, values.facility) : null;
  const destinationProblems = values.facility && !chosen ? [{ name: "facility", value: values.facility, message: "Choose one of your open facilities from the list" }] : [];
  const destination = chosen ?? (await getMoveDestinations(user, facility.id));
  const moveOptions = destination?.departments.filter((option) => option.id !== department.id) ?? [];

  return (
    <div className="space-y-6">
      <Breadcrumbs
        items={[
          { label: "Organisation", href: "/admin" },
          { label: region.name, href: `/admin/regions/${region.slug}` },
          { label: facility.name, href: `/admin/facilities/${facility.id}#department-${department.id}-title` },
          { label: `${team.code} ${team.name}` },
        ]}
      />
      <Card
        id="team"
        title={team.name}
        description={
          <>
            {team.code} · {department.name}, {facility.name} · chartered {formatQuarter(team.charteredQuarter)} ·{" "}
            <TextLink href={`/teams/${team.id}`}>the team&apos;s page</TextLink>
          </>
        }
      >
        {team.retiredQuarter && (
          <Notice tone="warning" data-testid="team-retirement">
            {retirementLabel(team.retiredQuarter)}: it leaves roll-ups and sponsor queues from then on; its history stays.
          </Notice>
        )}
        <EditTeamForm team={team} unionLocals={admin.unionLocals} thisQuarter={currentQuarter()} />
      </Card>

      <Card id="move" title="Move to another department" description="To a department of any facility you administer; a move to another region takes the team there.">
        <MoveDestinationForm teamId={team.id} facilities={admin.facilities} chosenId={destination?.facility.id ?? facility.id} />
        <UrlProblems problems={[...problems, ...destinationProblems]} instead="Showing the team's own facility." />
        {destination && moveOptions.length > 0 ? (
          <MoveTeamForm key={destination.facility.id} teamId={team.id} facilityName={destination.facility.name} departments={moveOptions} />
        ) : (
          <p className="text-sm text-slate-600">This facility has no other department to move to.</p>
        )}
      </Card>

      <Card
        id="retirement"
        title={team.retiredQuarter ? "Retired" : "Retire"}
        description={team.retiredQuarter ? undefined : `A team retired today leaves roll-ups and sponsor queues from ${formatQuarter(retirementQuarter())}; its history stays.`}
      >
        {facility.retiredQuarter && team.retiredQuarter ? (
          <p className="text-sm text-slate-700">
            {facility.name} is retired ({retirementLabel(facility.retiredQuarter)}); the team comes back when the facility is reactivated.
          </p>
        ) : (
          <TeamRetirementForm team={team} retiresFrom={formatQuarter(retirementQuarter())} />
        )}
      </Card>
    </div>
  );
}

/** Step one of a move: the facility whose departments the move form offers (a GET form, so the choice is in the URL). */
function MoveDestinationForm({ teamId, facilities, chosenId }: { teamId: string; facilities: AdminTeam["facilities"]; chosenId: string }) {
  return (
    <FilterForm action={`/admin/teams/${teamId}`} label="Facility to move to">
      <Field label="Facility" className="sm:w-96">
        {(control) => (
          <Select {...control} name="facility" defaultValue={chosenId}>
            {facilities.map((group) => (
              <optgroup key={group.region} label={group.region}>
                {group.facilities.map((option) => (
                  <option key={option.id} value={option.id}>
                    {option.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </Select>
        )}
      </Field>
    </FilterForm>
  );
}
