import type { Metadata } from "next";
import { AccountControls } from "@/components/people/account-controls";
import { EditPersonForm } from "@/components/people/person-form";
import { EndRoleForm, GrantRoleForm, HandOverForm } from "@/components/people/role-forms";
import { RolePlace } from "@/components/people/role-place";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { StatusBadge } from "@/components/ui/status-badge";
import { TextLink } from "@/components/ui/text-link";
import { guardPage } from "@/lib/auth/page-guard";
import { requireUser } from "@/lib/auth/session";
import { getPersonForAdmin, type AssignmentView, type PersonDetail } from "@/lib/data/people";
import { ROLE_LABELS } from "@/lib/domain/roles";
import { formatDateTime, formatTenure } from "@/lib/format";

export const metadata: Metadata = { title: "Person" };

export default async function PersonPage({ params }: PageProps<"/admin/people/[personId]">) {
  const user = await requireUser();
  const { personId } = await params;
  const detail = await guardPage(getPersonForAdmin(user, personId));
  const { person, account, may } = detail;

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <TextLink href="/admin/people" className="text-sm">
          ← People and accounts
        </TextLink>
        <h2 className="text-xl font-semibold break-words" data-testid="person-name">
          {person.displayName}
        </h2>
      </div>
      {!may.manage && (
        <Notice tone="warning">
          {person.displayName} also has a role or roster place outside your regions, or a national role: only national administrators can change their
          details and account. You can still change their roles in your regions.
        </Notice>
      )}

      <Card id="details" title="Details">
        {may.manage ? (
          <EditPersonForm
            personId={person.id}
            initial={{ displayName: person.displayName, email: person.email ?? "", employeeId: person.employeeId ?? "", unionLocalId: person.unionLocalId ?? "" }}
            unionLocals={detail.unionLocals}
          />
        ) : (
          <Facts
            facts={[
              ["Email", person.email ?? "None"],
              ["Employee id", person.employeeId ?? "None"],
              ["Union local", detail.unionLocalName ?? "None"],
            ]}
          />
        )}
      </Card>

      <Card id="account" title="Account" actions={<StatusBadge kind="account" status={account.status} />}>
        <Facts
          facts={[
            ["Signs in with", account.email ?? "No account yet"],
            ["Last sign-in", account.lastSignInAt ? formatDateTime(account.lastSignInAt) : "Never"],
          ]}
        />
        {may.manage && <AccountControls personId={person.id} personName={person.displayName} status={account.status} hasEmail={person.email !== null} />}
      </Card>

      <Card id="roles" title="Roles" description="Every role held, current first; an ended role stays as history.">
        <Assignments detail={detail} />
        {(detail.grantPlaces.regions.length > 0 || detail.grantPlaces.national) && (
          <section aria-labelledby="grant-role-title" className="space-y-3 border-t border-slate-200 pt-4">
            <h3 id="grant-role-title" className="font-semibold">
              Grant a role
            </h3>
            <GrantRoleForm personId={person.id} places={detail.grantPlaces} />
          </section>
        )}
      </Card>
    </div>
  );
}

function Facts({ facts }: { facts: (readonly [string, string])[] }) {
  return (
    <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
      {facts.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="text-slate-600">{term}</dt>
          <dd className="font-medium break-words text-slate-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Assignments({ detail }: { detail: PersonDetail }) {
  if (detail.assignments.length === 0) return <p className="text-sm text-slate-600">{detail.person.displayName} holds no role and has held none.</p>;
  // A list rather than a table: the hand-over and end forms open under their role, at full width on a phone.
  return (
    <ul className="divide-y divide-slate-100" data-testid="assignments">
      {detail.assignments.map((assignment) => (
        <Assignment key={assignment.id} assignment={assignment} holderName={detail.person.displayName} />
      ))}
    </ul>
  );
}

function Assignment({ assignment, holderName }: { assignment: AssignmentView; holderName: string }) {
  const label = ROLE_LABELS[assignment.role];
  return (
    <li data-testid={`assignment-${assignment.id}`} className="space-y-2 py-3">
      <div className="grid gap-x-4 gap-y-1 sm:grid-cols-[minmax(10rem,1fr)_2fr_minmax(13rem,1fr)]">
        <p className="font-medium">
          {label}
          {assignment.current && (
            <>
              {" "}
              <Badge tone="success" size="sm">
                Current
              </Badge>
            </>
          )}
        </p>
        <div className="min-w-0">
          <RolePlace place={assignment.place} />
        </div>
        <p className="text-sm text-slate-700">{formatTenure(assignment)}</p>
      </div>
      {(assignment.may.handOver || assignment.may.end) && (
        <div className="no-print flex flex-wrap items-start gap-3">
          {assignment.may.handOver && <HandOverForm assignmentId={assignment.id} roleLabel={label} holderName={holderName} />}
          {assignment.may.end && <EndRoleForm assignmentId={assignment.id} roleLabel={label} />}
        </div>
      )}
    </li>
  );
}
