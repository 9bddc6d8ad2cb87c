import type { Metadata } from "next";
import { RatingGrid } from "@/components/ratings/rating-grid";
import { SignoffList } from "@/components/ratings/signoff-list";
import { ReopenForm, SignoffPanel } from "@/components/ratings/signoff-panel";
import { Card } from "@/components/ui/card";
import { MessagePage } from "@/components/ui/message-page";
import { Notice } from "@/components/ui/notice";
import { StatusBadge } from "@/components/ui/status-badge";
import { TextLink } from "@/components/ui/text-link";
import { UrlProblems } from "@/components/ui/url-problems";
import { guardPage } from "@/lib/auth/page-guard";
import { requireUser } from "@/lib/auth/session";
import { getRatingWorkspace, type RatingWorkspace } from "@/lib/data/ratings";
import { currentQuarter, formatQuarter, quarterSchema } from "@/lib/domain/quarter";
import { SIDE_LABELS } from "@/lib/domain/rating-workflow";
import { formatDateTime, formatLevel } from "@/lib/format";

export const metadata: Metadata = { title: "Rating" };

type Rating = NonNullable<RatingWorkspace["rating"]>;

export default async function RatingPage({ params, searchParams }: PageProps<"/teams/[teamId]/ratings/[quarter]">) {
  const user = await requireUser();
  const { teamId, quarter: asked } = await params;
  const kind = (await searchParams).kind === "self" ? "SELF_ASSESSMENT" : "QUARTERLY";
  const parsed = quarterSchema.safeParse(asked);
  if (!parsed.success) return <NotAQuarter teamId={teamId} value={asked} problem={parsed.error.issues[0]!.message} />;
  const quarter = parsed.data;

  const workspace = await guardPage(getRatingWorkspace(user, teamId, quarter, kind));
  const { team, rating, permissions } = workspace;
  const title = kind === "SELF_ASSESSMENT" ? "Self-assessment" : "Quarterly rating";
  const base = `/teams/${team.id}/ratings/${quarter}`;
  const sign = permissions.sign;
  const disagreements = rating?.currentSignoffs.filter((signoff) => signoff.decision === "DISAGREED") ?? [];

  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <p className="text-sm text-slate-600">
          <TextLink href={`/teams/${team.id}`}>{team.name}</TextLink> · {team.region} · {team.code}
        </p>
        <h1 className="text-2xl font-semibold">
          {title}, {formatQuarter(quarter)}
        </h1>
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
          <StatusBadge kind="rating" status={rating?.status ?? "NOT_STARTED"} signoffs={rating?.currentSignoffs} />
          {rating && (
            <span className="text-slate-700">
              Saved level: {formatLevel(rating.level)}
              {workspace.previousFinalLevel !== null && ` · last quarter's final level: ${formatLevel(workspace.previousFinalLevel)}`}
            </span>
          )}
          <span className="text-slate-600">
            Criteria: {workspace.criteriaSet.name} (version {workspace.criteriaSet.version})
          </span>
        </div>
        <nav aria-label="Rating kind" className="flex gap-4 text-sm">
          <KindLink href={base} current={kind === "QUARTERLY"}>
            Quarterly rating
          </KindLink>
          <KindLink href={`${base}?kind=self`} current={kind === "SELF_ASSESSMENT"}>
            Self-assessment
          </KindLink>
        </nav>
        {rating && (
          // Every save, sign-off and reopening, with what changed: open to all who see the rating.
          <p className="no-print text-sm">
            <TextLink href={`${base}/history${kind === "SELF_ASSESSMENT" ? "?kind=self" : ""}`}>History of this {kind === "SELF_ASSESSMENT" ? "self-assessment" : "rating"}</TextLink>
          </p>
        )}
      </header>

      {rating && <OwnSignoff rating={rating} />}

      {!permissions.edit.allowed && <Notice data-testid="edit-refusal">{permissions.edit.reason}</Notice>}

      {disagreements.length > 0 && (
        <Card id="dispute" title="Disagreement recorded" className="border-red-200 bg-red-50 text-red-900">
          <ul className="space-y-1 text-sm">
            {disagreements.map((signoff) => (
              <li key={signoff.id}>
                {signoff.personName} ({SIDE_LABELS[signoff.side]} sponsor): {signoff.reason}
              </li>
            ))}
          </ul>
        </Card>
      )}

      {rating && sign && (sign.allowed || sign.kind === "invalid") && (
        <Card
          id="decision"
          title="Your sign-off"
          description={sign.allowed && `You sign for the ${SIDE_LABELS[sign.side]} side. The rating is final once a union and a management sponsor have both signed.`}
        >
          {sign.allowed ? (
            <SignoffPanel
              ratingId={rating.id}
              version={rating.version}
              level={rating.level!}
              side={sign.side}
              ownDecision={rating.ownSignoff && !rating.ownSignoff.voided ? rating.ownSignoff.decision : null}
            />
          ) : (
            <Notice>{sign.reason}</Notice>
          )}
        </Card>
      )}

      {rating && permissions.reopen && (
        <Card id="reopen" title="Reopen" description="A final rating changes only after it is reopened; its sign-offs are then voided but kept in its history.">
          <ReopenForm ratingId={rating.id} version={rating.version} />
        </Card>
      )}

      <RatingGrid
        // The quarterly rating and the self-assessment are separate forms.
        key={kind}
        teamId={team.id}
        quarter={quarter}
        kind={kind}
        criteria={workspace.criteria}
        savedChecks={rating?.checks ?? []}
        savedNote={rating?.note ?? null}
        version={rating?.version ?? null}
        editable={permissions.edit.allowed}
      />

      {rating && rating.signoffs.length > 0 && (
        <Card id="signoffs" title="Sign-offs">
          <div className="text-sm">
            <SignoffList signoffs={rating.signoffs} testId="signoff-history" />
          </div>
        </Card>
      )}
    </div>
  );
}

function KindLink({ href, current, children }: { href: string; current: boolean; children: React.ReactNode }) {
  return (
    <TextLink href={href} aria-current={current ? "page" : undefined} className="aria-[current=page]:font-semibold aria-[current=page]:text-slate-900 aria-[current=page]:no-underline">
      {children}
    </TextLink>
  );
}

/**
 * The signed-in sponsor's own standing on this rating, at its top: that they signed
 * (when, at which level, whose signature is still awaited), that their disagreement is
 * recorded, or that a decision of theirs no longer counts because the rating changed.
 */
function OwnSignoff({ rating }: { rating: Rating }) {
  const own = rating.ownSignoff;
  if (!own) return null;
  const when = formatDateTime(own.signedAt);
  const side = SIDE_LABELS[own.side];
  if (own.voided) {
    if (rating.status === "FINAL") return null;
    return (
      <Notice tone="warning" data-testid="own-signoff">
        Your {own.decision === "SIGNED" ? "signature" : "disagreement"} of {when} no longer counts: the rating changed after it, or was reopened. Review it and
        decide again.
      </Notice>
    );
  }
  if (own.decision === "DISAGREED") {
    return (
      <Notice tone="danger" role="status" data-testid="own-signoff">
        Your disagreement for the {side} side is recorded ({when}). The rating stays disputed until you sign. Your reason: “{own.reason}”
      </Notice>
    );
  }
  const awaited = rating.awaiting.map((awaitedSide) => `the ${SIDE_LABELS[awaitedSide]} sponsor's signature`).join(" and ");
  return (
    <Notice tone="success" data-testid="own-signoff">
      You signed this rating for the {side} side on {when}, at level {formatLevel(own.level)}.{" "}
      {awaited ? `Still awaited: ${awaited}.` : "Both sides have signed: the rating is final."}
    </Notice>
  );
}

/** A rating address whose quarter is not one (or not a plausible one): named, as every page names a value it cannot read, with the way on. */
function NotAQuarter({ teamId, value, problem }: { teamId: string; value: string; problem: string }) {
  return (
    <MessagePage title="No such rating" action={<TextLink href={`/teams/${teamId}/ratings/${currentQuarter()}`}>Open this quarter&apos;s rating</TextLink>}>
      <UrlProblems messages={[`“${value}” is not a quarter this app can open. ${problem}.`]} />
    </MessagePage>
  );
}
