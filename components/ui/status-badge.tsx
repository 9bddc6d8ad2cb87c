import { ACCOUNT_STATUS_LABELS, type AccountStatus } from "@/lib/domain/accounts";
import { CRITERIA_SET_STATUS_LABELS } from "@/lib/domain/path-to-performance";
import { PROJECT_STATUS_LABELS } from "@/lib/domain/projects";
import { queueStatusLabel, type CurrentSignoff, type QueueStatus } from "@/lib/domain/rating-workflow";
import { SAVINGS_STATUS_LABELS } from "@/lib/domain/savings";
import type { CriteriaSetStatus, ProjectStatus, SavingsStatus } from "@/lib/generated/prisma/enums";
import { Badge, type BadgeTone } from "./badge";

// Every status the app shows, with its tone, in one place: the same word looks the same on every page.
const RATING_TONES: Record<QueueStatus, BadgeTone> = {
  NOT_STARTED: "neutral",
  DRAFT: "info",
  AWAITING_SIGNOFF: "warning",
  FINAL: "success",
  DISPUTED: "danger",
};

const PROJECT_TONES: Record<ProjectStatus, BadgeTone> = {
  IDEA: "neutral",
  ACTIVE: "info",
  TESTING: "info",
  IMPLEMENTED: "success",
  SUSTAINED: "success",
  ABANDONED: "neutral",
};

const SAVINGS_TONES: Record<SavingsStatus, BadgeTone> = {
  REPORTED: "warning",
  VALIDATED: "success",
  REJECTED: "danger",
};

const CRITERIA_SET_TONES: Record<CriteriaSetStatus, BadgeTone> = {
  DRAFT: "warning",
  PUBLISHED: "success",
  RETIRED: "neutral",
};

const ACCOUNT_TONES: Record<AccountStatus, BadgeTone> = {
  NONE: "neutral",
  INVITED: "info",
  ACTIVE: "success",
  DEACTIVATED: "danger",
};

type StatusBadgeProps =
  | { kind: "rating"; status: QueueStatus; signoffs?: readonly CurrentSignoff[]; size?: "sm" | "md" }
  | { kind: "project"; status: ProjectStatus; size?: "sm" | "md" }
  | { kind: "savings"; status: SavingsStatus; size?: "sm" | "md" }
  | { kind: "criteriaSet"; status: CriteriaSetStatus; size?: "sm" | "md" }
  | { kind: "account"; status: AccountStatus; size?: "sm" | "md" };

/** A record's status as a badge: a rating (with whose sign-off it awaits), a project, a savings entry, a criteria set, or a sign-in account. */
export function StatusBadge(props: StatusBadgeProps) {
  const { tone, label } = describe(props);
  return (
    <Badge tone={tone} size={props.size} data-testid={`${props.kind}-status`}>
      {label}
    </Badge>
  );
}

function describe(props: StatusBadgeProps): { tone: BadgeTone; label: string } {
  switch (props.kind) {
    case "rating":
      return { tone: RATING_TONES[props.status], label: queueStatusLabel(props.status, props.signoffs) };
    case "project":
      return { tone: PROJECT_TONES[props.status], label: PROJECT_STATUS_LABELS[props.status] };
    case "savings":
      return { tone: SAVINGS_TONES[props.status], label: SAVINGS_STATUS_LABELS[props.status] };
    case "criteriaSet":
      return { tone: CRITERIA_SET_TONES[props.status], label: CRITERIA_SET_STATUS_LABELS[props.status] };
    case "account":
      return { tone: ACCOUNT_TONES[props.status], label: ACCOUNT_STATUS_LABELS[props.status] };
  }
}
