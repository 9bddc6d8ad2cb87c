"use client";

import { useState } from "react";
import { ActionForm, FormFooter } from "@/components/form/action-form";
import { useActionForm, type ActionAnswer } from "@/components/form/use-action-form";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { deactivateAccountAction, inviteAccountAction, issuePasswordResetAction, reactivateAccountAction } from "@/lib/actions/accounts";
import type { AccountStatus } from "@/lib/domain/accounts";
import { formatDateTime } from "@/lib/format";
import type { AccountLinkOutcome } from "@/lib/services/accounts";
import { accountActionSchema, type AccountActionInput } from "@/lib/validation/accounts";

type AccountAction<Data> = (input: AccountActionInput) => Promise<ActionAnswer<Data>>;

/**
 * What an administrator can do with a person's account in its present state. A link just
 * made is shown here once (this component stays mounted while the page refreshes around it).
 */
export function AccountControls({ personId, personName, status, hasEmail }: { personId: string; personName: string; status: AccountStatus; hasEmail: boolean }) {
  const [issued, setIssued] = useState<AccountLinkOutcome | null>(null);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start gap-3">
        {(status === "NONE" || status === "INVITED") && (
          <AccountButton
            personId={personId}
            action={inviteAccountAction}
            label={status === "NONE" ? "Invite" : "Invite again"}
            pendingLabel="Inviting…"
            onIssued={setIssued}
            disabledReason={hasEmail ? null : "Add an email address above to invite them."}
          />
        )}
        {(status === "ACTIVE" || status === "INVITED") && (
          <AccountButton personId={personId} action={issuePasswordResetAction} label="Reset password" pendingLabel="Issuing…" onIssued={setIssued} variant="secondary" />
        )}
        {(status === "ACTIVE" || status === "INVITED") && (
          <AccountButton
            personId={personId}
            action={deactivateAccountAction}
            label="Deactivate"
            pendingLabel="Deactivating…"
            variant="danger"
            confirm={{
              title: `Deactivate ${personName}'s account?`,
              description: "They lose access at once: their next page sends them to sign in, which they can no longer do. Their records and roles stay. You can reactivate the account later.",
              confirmLabel: "Deactivate",
              destructive: true,
            }}
          />
        )}
        {status === "DEACTIVATED" && <AccountButton personId={personId} action={reactivateAccountAction} label="Reactivate" pendingLabel="Reactivating…" variant="secondary" />}
      </div>
      {issued && <IssuedLink issued={issued} />}
    </div>
  );
}

function AccountButton<Data>({
  personId,
  action,
  label,
  pendingLabel,
  variant,
  confirm,
  onIssued,
  disabledReason = null,
}: {
  personId: string;
  action: AccountAction<Data>;
  label: string;
  pendingLabel: string;
  variant?: "primary" | "secondary" | "danger";
  confirm?: Parameters<typeof useActionForm>[0]["confirm"];
  onIssued?: (outcome: AccountLinkOutcome) => void;
  disabledReason?: string | null;
}) {
  const api = useActionForm({
    schema: accountActionSchema,
    action,
    values: { personId },
    confirm,
    onSuccess: (data) => onIssued?.(data as AccountLinkOutcome),
  });
  if (disabledReason) return <p className="text-sm text-slate-600">{disabledReason}</p>;
  return (
    <ActionForm api={api} aria-label={label}>
      <FormFooter submitLabel={label} pendingLabel={pendingLabel} variant={variant} />
    </ActionForm>
  );
}

/** The link just made, once: to copy and pass on when no email went out (or to check the one that did). */
function IssuedLink({ issued }: { issued: AccountLinkOutcome }) {
  const [copied, setCopied] = useState(false);
  const sent = issued.emailed === "sent";
  return (
    <div className="space-y-2 rounded-md border border-slate-200 p-3" data-testid="issued-link">
      <Notice tone={issued.emailed === "failed" ? "warning" : "success"}>
        {sent
          ? `The link was emailed to ${issued.email}.`
          : issued.emailed === "failed"
            ? `The email to ${issued.email} could not be sent: pass this link on yourself.`
            : `No mail server is configured: pass this link on to ${issued.email} yourself.`}{" "}
        It works once, until {formatDateTime(new Date(issued.expiresAt))}, and is shown only now.
      </Notice>
      <div className="flex flex-wrap gap-2 sm:flex-nowrap">
        <Input readOnly value={issued.link} aria-label="Set-password link" data-testid="issued-link-url" onFocus={(event) => event.currentTarget.select()} />
        <Button
          variant="secondary"
          onClick={async () => {
            await navigator.clipboard.writeText(issued.link);
            setCopied(true);
          }}
        >
          {copied ? "Copied" : "Copy link"}
        </Button>
      </div>
    </div>
  );
}
