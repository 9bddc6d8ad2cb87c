import type { RolePeople } from "@/lib/data/team-history";
import { ROLE_LABELS } from "@/lib/domain/roles";

/** The team's co-leads, sponsors and consultants today. */
export function TeamPeople({ people }: { people: RolePeople[] }) {
  if (people.length === 0) return <p className="text-sm text-slate-600">No one holds a role for this team today.</p>;
  return (
    <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]" data-testid="team-people">
      {people.map(({ role, names }) => (
        <div key={role} className="contents">
          <dt className="text-sm font-medium text-slate-600">{ROLE_LABELS[role]}</dt>
          <dd className="text-slate-900">{names.join(", ")}</dd>
        </div>
      ))}
    </dl>
  );
}
