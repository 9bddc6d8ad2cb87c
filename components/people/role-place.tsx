import { TextLink } from "@/components/ui/text-link";
import type { CurrentRole, PlaceView } from "@/lib/data/people";
import { ROLE_LABELS } from "@/lib/domain/roles";

/** Where a role is held, in words: a team by code and name (linked to its page), a region, or the whole partnership. */
export function RolePlace({ place }: { place: PlaceView }) {
  switch (place.kind) {
    case "team":
      return (
        <>
          <TextLink href={`/teams/${place.teamId}`}>
            {place.code} · {place.name}
          </TextLink>
          <span className="block text-xs text-slate-600">{place.regionName}</span>
        </>
      );
    case "region":
      return <>{place.name}</>;
    case "national":
      return <>The whole partnership</>;
  }
}

/** A role held today, in a line: "Labor co-lead, CO-0042", "LMP staff, Colorado", "Administrator, national". */
export function roleLine({ role, place }: CurrentRole): string {
  const where = place.kind === "team" ? place.code : place.kind === "region" ? place.name : "national";
  return `${ROLE_LABELS[role]}, ${where}`;
}
