import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { StatusBadge } from "@/components/ui/status-badge";
import { Table, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { DownloadLink, TextLink } from "@/components/ui/text-link";
import type { TeamProjectRow } from "@/lib/data/projects";
import { compassLabel } from "@/lib/domain/projects";
import { formatDay } from "@/lib/format";
import { StaleBadge } from "./stale-badge";

/** A team's projects with the 90-day flag; owners get the quick paths to log work. */
/** `teamName` names the team where the card is not on its own team's page (a co-lead's home can hold several teams). */
export function TeamProjects({ teamId, teamName, rows, mayEdit }: { teamId: string; teamName?: string; rows: TeamProjectRow[]; mayEdit: boolean }) {
  const stale = rows.filter((row) => row.needsUpdate).length;
  return (
    <Card
      id={`projects-${teamId}`}
      title={teamName ? `Improvement projects of ${teamName}` : "Improvement projects"}
      actions={
        <>
          {rows.length > 0 && (
            <>
              <TextLink href={`/teams/${teamId}/board`} className="text-sm">
                Open the board
              </TextLink>
              <DownloadLink href={`/api/exports/projects?team=${teamId}`} className="text-sm" download>
                Download CSV
              </DownloadLink>
            </>
          )}
          {mayEdit && (
            <Button asChild>
              <Link href={`/teams/${teamId}/projects/new`}>Log a new project</Link>
            </Button>
          )}
        </>
      }
    >
      {stale > 0 && (
        <Notice tone="danger" data-testid="stale-projects">
          {stale === 1 ? "1 project has" : `${stale} projects have`} not been updated in 90 days. Projects and cycles are documented at least every 90 days.
        </Notice>
      )}
      {rows.length === 0 ? (
        <EmptyState title="No projects yet">Log the team&apos;s first improvement project to start tracking its tests of change.</EmptyState>
      ) : (
        <Table caption="The team's improvement projects" className="min-w-[40rem]" data-testid="team-projects">
          <TableHead>
            <tr>
              <TableHeader>Project</TableHeader>
              <TableHeader>Status</TableHeader>
              <TableHeader>Value Compass</TableHeader>
              <TableHeader>Last update</TableHeader>
              {mayEdit && (
                <TableHeader>
                  <span className="sr-only">Action</span>
                </TableHeader>
              )}
            </tr>
          </TableHead>
          <tbody>
            {rows.map((row) => (
              <TableRow key={row.id}>
                {/* A title of 200 characters without a space still wraps, inside the column's share. */}
                <TableHeader scope="row" className="min-w-48 max-w-md">
                  <TextLink href={`/projects/${row.id}`}>{row.title}</TextLink>
                </TableHeader>
                <TableCell>
                  <StatusBadge kind="project" status={row.status} size="sm" />
                </TableCell>
                <TableCell>{row.compassPoints.map(compassLabel).join(", ")}</TableCell>
                <TableCell>
                  {formatDay(row.lastActivityAt)}
                  {row.updatedBy && <span className="text-slate-600"> by {row.updatedBy}</span>}
                  {row.needsUpdate && <StaleBadge />}
                </TableCell>
                {mayEdit && (
                  <TableCell className="pr-0 text-right">
                    <Button asChild variant="secondary" size="sm" className="whitespace-nowrap">
                      <Link href={`/projects/${row.id}#log-update`}>
                        Log an update<span className="sr-only"> to {row.title}</span>
                      </Link>
                    </Button>
                  </TableCell>
                )}
              </TableRow>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
