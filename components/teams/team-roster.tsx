import { AddRosterMemberForm, KeyRolesForm, MemberLeftForm } from "@/components/teams/roster-forms";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Disclosure } from "@/components/ui/disclosure";
import { Notice } from "@/components/ui/notice";
import { Table, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { Actor } from "@/lib/auth/permissions";
import { getTeamRoster, type RosterMember } from "@/lib/data/roster";
import { KEY_TEAM_ROLE_LABELS } from "@/lib/domain/roles";
import { countOf, formatDay } from "@/lib/format";
import { toDayString } from "@/lib/validation/dates";

/** The team's roster card: its health and safety champion first, current members, past members, and (for its co-leads and administrators) the changes. */
export async function TeamRoster({ actor, teamId }: { actor: Actor; teamId: string }) {
  const roster = await getTeamRoster(actor, teamId);
  return (
    <Card id="roster" title="Roster" description={countOf(roster.current.length, "current member")}>
      <HealthAndSafetyChampion names={roster.healthAndSafetyChampions} />
      {roster.current.length === 0 ? (
        <p className="text-sm text-slate-600">No one is on the roster yet.</p>
      ) : (
        <ul className="divide-y divide-slate-100" data-testid="roster-current">
          {roster.current.map((member) => (
            <CurrentMember key={member.id} member={member} mayEdit={roster.mayEdit} />
          ))}
        </ul>
      )}
      {roster.past.length > 0 && (
        <Disclosure summary={`Past members (${roster.past.length})`}>
          <Table caption="Past members of the team" data-testid="roster-past">
            <TableHead>
              <tr>
                <TableHeader>Name</TableHeader>
                <TableHeader>Joined</TableHeader>
                <TableHeader>Left</TableHeader>
                <TableHeader>Key roles</TableHeader>
              </tr>
            </TableHead>
            <tbody>
              {roster.past.map((member) => (
                <TableRow key={member.id}>
                  <TableHeader scope="row">{member.name}</TableHeader>
                  <TableCell className="whitespace-nowrap">{formatDay(member.joinedOn)}</TableCell>
                  <TableCell className="whitespace-nowrap">{formatDay(member.leftOn!)}</TableCell>
                  <TableCell>{member.keyRoles.map((role) => KEY_TEAM_ROLE_LABELS[role]).join(", ") || "—"}</TableCell>
                </TableRow>
              ))}
            </tbody>
          </Table>
        </Disclosure>
      )}
      {roster.mayEdit && (
        <Disclosure summary="Add a member" variant="secondary">
          <AddRosterMemberForm teamId={teamId} />
        </Disclosure>
      )}
    </Card>
  );
}

/** The Path to Performance asks for an active health and safety champion at level 4: said first, and said when there is none. */
function HealthAndSafetyChampion({ names }: { names: string[] }) {
  if (names.length === 0) {
    return <Notice data-testid="health-and-safety-champion">No health and safety champion on the roster: level 4 of the Path to Performance asks for an active one.</Notice>;
  }
  return (
    <p className="rounded-md bg-emerald-50 px-3 py-2 text-emerald-900" data-testid="health-and-safety-champion">
      <span className="font-medium">{names.length === 1 ? "Health and safety champion" : "Health and safety champions"}: </span>
      <span className="text-lg font-semibold">{names.join(", ")}</span>
    </p>
  );
}

function CurrentMember({ member, mayEdit }: { member: RosterMember; mayEdit: boolean }) {
  return (
    <li className="space-y-2 py-3" data-testid={`roster-member-${member.id}`}>
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <span className="font-medium wrap-anywhere">{member.name}</span>
        <span className="text-sm text-slate-600">joined {formatDay(member.joinedOn)}</span>
        {member.keyRoles.map((role) => (
          <Badge key={role} size="sm" tone={role === "HEALTH_AND_SAFETY_CHAMPION" ? "success" : "info"}>
            {KEY_TEAM_ROLE_LABELS[role]}
          </Badge>
        ))}
      </div>
      {mayEdit && (
        <div className="flex flex-wrap gap-x-4">
          <Disclosure summary="Key roles" label={`Key roles of ${member.name}`} className="open:basis-full">
            <KeyRolesForm member={{ id: member.id, name: member.name, keyRoles: member.keyRoles }} />
          </Disclosure>
          <Disclosure summary="Record leaving" label={`Record that ${member.name} left`} className="open:basis-full">
            <MemberLeftForm member={{ id: member.id, name: member.name, joinedOn: toDayString(member.joinedOn) }} />
          </Disclosure>
        </div>
      )}
    </li>
  );
}
