"use client";

import { useEffect, useRef, useState } from "react";
import { ActionForm, FormFooter } from "@/components/form/action-form";
import { useActionForm } from "@/components/form/use-action-form";
import { TextLink } from "@/components/ui/text-link";
import { changeProjectStatusAction } from "@/lib/actions/projects";
import type { TeamProjectRow } from "@/lib/data/projects";
import { BOARD_COLUMNS, boardMoves, compassLabel, PROJECT_STATUS_LABELS } from "@/lib/domain/projects";
import type { ProjectStatus } from "@/lib/generated/prisma/enums";
import { formatDay } from "@/lib/format";
import { changeProjectStatusSchema } from "@/lib/validation/projects";
import { StaleBadge } from "./stale-badge";

type Direction = "back" | "forward";

/**
 * The team's projects as a board by status, for huddles: one column per step of the workflow,
 * a card moved one column at a time with its buttons, or by keyboard (← and → on a focused card).
 */
export function TeamBoard({ rows, mayMove }: { rows: TeamProjectRow[]; mayMove: boolean }) {
  const [announcement, setAnnouncement] = useState("");
  // The card last moved: drawn again in its new column, it takes the focus there, so the keyboard can keep moving it.
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const moved = (projectId: string, title: string, to: ProjectStatus) => {
    setAnnouncement(`“${title}” moved to ${PROJECT_STATUS_LABELS[to]}.`);
    setFocusedId(projectId);
  };

  return (
    <div>
      <p role="status" className="sr-only">
        {announcement}
      </p>
      <div className="grid gap-4 md:grid-cols-3 xl:grid-cols-5" data-testid="team-board">
        {BOARD_COLUMNS.map((status) => {
          const cards = rows.filter((row) => row.status === status);
          return (
            <section key={status} aria-labelledby={`column-${status}`} data-testid={`board-column-${status}`} className="min-w-0 rounded-lg bg-slate-100 p-3">
              <h2 id={`column-${status}`} className="flex items-baseline justify-between gap-2 font-semibold">
                {PROJECT_STATUS_LABELS[status]}
                <span className="text-sm font-normal text-slate-600">{cards.length}</span>
              </h2>
              {cards.length === 0 ? (
                <p className="mt-3 text-sm text-slate-600">No projects here.</p>
              ) : (
                <ul className="mt-3 space-y-3">
                  {cards.map((row) => (
                    <li key={row.id}>
                      <BoardCard row={row} mayMove={mayMove} focused={row.id === focusedId} onMoved={moved} />
                    </li>
                  ))}
                </ul>
              )}
            </section>
          );
        })}
      </div>
    </div>
  );
}

type CardProps = { row: TeamProjectRow; mayMove: boolean; focused: boolean; onMoved: (projectId: string, title: string, to: ProjectStatus) => void };

function BoardCard({ row, mayMove, focused, onMoved }: CardProps) {
  const moves = boardMoves(row.status);
  const cardRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (focused) cardRef.current?.focus();
  }, [focused, row.status]);
  const move = (direction: Direction) => cardRef.current?.querySelector<HTMLFormElement>(`[data-direction="${direction}"] form`)?.requestSubmit();
  const onKeyDown = (event: React.KeyboardEvent) => {
    // Only on the card itself: the arrow keys keep their meaning inside its links and buttons.
    if (event.target !== event.currentTarget) return;
    if (event.key === "ArrowRight" && moves.forward) move("forward");
    else if (event.key === "ArrowLeft" && moves.back) move("back");
    else return;
    event.preventDefault();
  };
  const movable = mayMove && (moves.back || moves.forward);

  return (
    <article
      ref={cardRef}
      data-project-id={row.id}
      aria-label={row.title}
      tabIndex={movable ? 0 : undefined}
      onKeyDown={movable ? onKeyDown : undefined}
      aria-keyshortcuts={movable ? [moves.back && "ArrowLeft", moves.forward && "ArrowRight"].filter(Boolean).join(" ") : undefined}
      className="rounded-md border border-slate-200 bg-white p-3 shadow-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
    >
      <h3 className="font-medium break-words">
        <TextLink href={`/projects/${row.id}`}>{row.title}</TextLink>
      </h3>
      {row.compassPoints.length > 0 && <p className="mt-1 text-sm text-slate-700">{row.compassPoints.map(compassLabel).join(", ")}</p>}
      <p className="mt-1 text-sm text-slate-600">
        Updated {formatDay(row.lastActivityAt)}
        {row.needsUpdate && <StaleBadge />}
      </p>
      {movable && (
        <div className="mt-2 flex flex-wrap justify-between gap-2">
          {moves.back && <MoveForm row={row} direction="back" to={moves.back} onMoved={onMoved} />}
          {moves.forward && <MoveForm row={row} direction="forward" to={moves.forward} onMoved={onMoved} />}
        </div>
      )}
    </article>
  );
}

function MoveForm({ row, direction, to, onMoved }: { row: TeamProjectRow; direction: Direction; to: ProjectStatus; onMoved: (projectId: string, title: string, to: ProjectStatus) => void }) {
  const api = useActionForm({
    schema: changeProjectStatusSchema,
    action: changeProjectStatusAction,
    values: { projectId: row.id, expectedVersion: row.version, status: to },
    onSuccess: () => onMoved(row.id, row.title, to),
  });
  const label = PROJECT_STATUS_LABELS[to];
  return (
    <div data-direction={direction} className={direction === "forward" ? "ml-auto" : undefined}>
      <ActionForm api={api} aria-label={`Move “${row.title}” to ${label}`}>
        <FormFooter
          submitLabel={
            direction === "forward" ? (
              <>
                <span className="sr-only">Move to </span>
                {label}
                <span aria-hidden> →</span>
              </>
            ) : (
              <>
                <span aria-hidden>← </span>
                <span className="sr-only">Move back to </span>
                {label}
              </>
            )
          }
          pendingLabel="Moving…"
          variant="secondary"
        />
      </ActionForm>
    </div>
  );
}

