import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { Actor } from "@/lib/auth/permissions";
import { getTeamLeadership } from "@/lib/data/leadership";
import { ROLE_LABELS } from "@/lib/domain/roles";
import { formatTenure } from "@/lib/format";

/**
 * Who led (co-leads) and sponsored the team, and when, role by role, current holders first
 * (loads its own data, for anyone who may see the team); and the region's UBT consultants today.
 */
export async function LeadershipHistory({ actor, teamId, consultants }: { actor: Actor; teamId: string; consultants: string[] }) {
  const roles = await getTeamLeadership(actor, teamId);
  return (
    <Card id="leadership" title="Leadership" description="The team's co-leads and sponsors over time, and its region's UBT consultants.">
      {roles.length === 0 && <p className="mb-3 text-sm text-slate-600">No co-lead or sponsor has been recorded for this team.</p>}
      {(roles.length > 0 || consultants.length > 0) && (
        <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[max-content_1fr]" data-testid="leadership-history">
          {roles.map(({ role, holders }) => (
            <div key={role} className="contents">
              <dt className="text-sm font-medium text-slate-600">{ROLE_LABELS[role]}</dt>
              <dd>
                <ul className="space-y-1">
                  {holders.map((holder) => (
                    <li key={holder.assignmentId} data-testid={`leader-${holder.assignmentId}`} className="flex flex-wrap items-baseline gap-x-2">
                      <span className="font-medium text-slate-900">{holder.personName}</span>{" "}
                      <span className="text-sm text-slate-700">{formatTenure(holder)}</span>
                      {holder.current && (
                        <>
                          {" "}
                          <Badge tone="success" size="sm">
                            Current
                          </Badge>
                        </>
                      )}
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          ))}
          {consultants.length > 0 && (
            <div className="contents">
              <dt className="text-sm font-medium text-slate-600">{ROLE_LABELS.CONSULTANT}s today</dt>
              <dd className="text-slate-900" data-testid="consultants">
                {consultants.join(", ")}
              </dd>
            </div>
          )}
        </dl>
      )}
    </Card>
  );
}

