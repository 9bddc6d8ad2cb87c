"use client";

// The upload goes to the route with fetch, not through useActionForm: a file of up to
// 30 MB is over a server action's body limit, and the route streams its progress back.
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { Select } from "@/components/ui/select";
import { Table, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { DownloadLink } from "@/components/ui/text-link";
import { GENERIC_ERROR_MESSAGE } from "@/lib/errors";
import { countOf, formatCount } from "@/lib/format";
import {
  IMPORT_DEFINITIONS,
  IMPORT_KINDS,
  MAX_ERRORS_SHOWN,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_SIZE_LABEL,
  templateFileName,
  type ImportEvent,
  type ImportKind,
  type ImportMode,
  type ImportResult,
  type ImportStage,
} from "@/lib/validation/imports";

type Progress = { stage: ImportStage; done: number; total: number };

type Run =
  | { state: "idle" }
  | { state: "running"; mode: ImportMode; progress: Progress | null }
  | { state: "finished"; result: ImportResult }
  | { state: "failed"; message: string };

const STAGE_WORDS: Record<ImportStage, string> = {
  parsing: "Reading the file",
  validating: "Checking rows",
  writing: "Writing records",
};

/** Calls `onEvent` for each line of an NDJSON body as it arrives. */
async function readEvents(body: ReadableStream<Uint8Array>, onEvent: (event: ImportEvent) => void): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffered = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffered += decoder.decode(value, { stream: true });
    const lines = buffered.split("\n");
    buffered = lines.pop() ?? "";
    for (const line of lines) if (line.trim()) onEvent(JSON.parse(line) as ImportEvent);
  }
}

/** Choose a kind and a file, preview it (every row checked), then import it in one step, with progress while it runs. */
export function ImportPanel() {
  const [kind, setKind] = useState<ImportKind>("organisation");
  const [file, setFile] = useState<File | null>(null);
  const [run, setRun] = useState<Run>({ state: "idle" });
  const [confirming, setConfirming] = useState(false);
  const definition = IMPORT_DEFINITIONS[kind];
  const running = run.state === "running";
  const previewed = run.state === "finished" && run.result.mode === "preview" ? run.result : null;
  const readyToImport = previewed !== null && previewed.errorCount === 0;

  async function send(mode: ImportMode) {
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) {
      setRun({ state: "failed", message: `The file is larger than ${MAX_IMPORT_SIZE_LABEL}, the most one import takes: split it into smaller files.` });
      return;
    }
    setRun({ state: "running", mode, progress: null });
    const body = new FormData();
    body.set("kind", kind);
    body.set("mode", mode);
    body.set("file", file);
    try {
      const response = await fetch("/api/admin/import", { method: "POST", body });
      if (!response.ok || !response.body) {
        const refusal = (await response.json().catch(() => null)) as { error?: string } | null;
        setRun({ state: "failed", message: refusal?.error ?? GENERIC_ERROR_MESSAGE });
        return;
      }
      let outcome: Run = { state: "failed", message: GENERIC_ERROR_MESSAGE };
      await readEvents(response.body, (event) => {
        if (event.type === "progress") setRun({ state: "running", mode, progress: event });
        else if (event.type === "result") outcome = { state: "finished", result: event.result };
        else outcome = { state: "failed", message: event.message };
      });
      setRun(outcome);
    } catch {
      setRun({ state: "failed", message: "The connection was lost before the server answered. Check the data before trying again." });
    }
  }

  function choose(next: { kind?: ImportKind; file?: File | null }) {
    if (next.kind) setKind(next.kind);
    if (next.file !== undefined) setFile(next.file);
    setRun({ state: "idle" });
  }

  return (
    <div className="space-y-6">
      <Card id="import-kind" title="What to import" description="One CSV file per kind of record. Download the template to start, or the current data to change it in bulk.">
        <Field label="Kind of records" hint={definition.description}>
          {(control) => (
            <Select
              {...control}
              value={kind}
              disabled={running}
              onChange={(event) => choose({ kind: event.target.value as ImportKind })}
              options={IMPORT_KINDS.map((value) => ({ value, label: IMPORT_DEFINITIONS[value].label }))}
            />
          )}
        </Field>
        <p className="text-sm break-words text-slate-700">
          Columns: <span className="font-mono text-xs">{definition.columns.join(", ")}</span>
        </p>
        <div className="flex flex-wrap gap-x-6 gap-y-2">
          <DownloadLink href={`/api/admin/import/templates/${kind}`} download={templateFileName(kind)} data-testid="template-link">
            Download the template
          </DownloadLink>
          <DownloadLink href={`/api/admin/export/${kind}`} data-testid="export-link">
            Download the current data
          </DownloadLink>
        </div>
      </Card>

      <Card
        id="import-file"
        title="File"
        description={`A comma-separated file (CSV, UTF-8) of up to ${MAX_IMPORT_SIZE_LABEL}. Preview checks every row and writes nothing; import writes all of it in one step, or nothing if any row has a problem.`}
      >
        <Field label="CSV file" hint="Rows are numbered as in a spreadsheet: the header is row 1.">
          {(control) => (
            <Input
              {...control}
              type="file"
              accept=".csv,text/csv"
              disabled={running}
              onChange={(event) => choose({ file: event.target.files?.[0] ?? null })}
              className="h-auto py-2 text-sm file:mr-3 file:rounded file:border-0 file:bg-slate-100 file:px-3 file:py-1.5"
            />
          )}
        </Field>
        <div className="flex flex-wrap gap-3">
          <Button variant={readyToImport ? "secondary" : "primary"} disabled={!file || running} onClick={() => send("preview")}>
            Preview
          </Button>
          {readyToImport && (
            <Button disabled={running} onClick={() => setConfirming(true)}>
              Import {countOf(previewed.rows, "row")}
            </Button>
          )}
        </div>
        {run.state === "running" && <ProgressReport mode={run.mode} progress={run.progress} />}
        {run.state === "failed" && (
          <Notice tone="danger" role="alert" data-testid="import-failure">
            {run.message}
          </Notice>
        )}
        {run.state === "finished" && <ResultReport result={run.result} />}
      </Card>

      {previewed && (
        <ConfirmDialog
          open={confirming}
          title={`Import ${countOf(previewed.rows, "row")}?`}
          description={`${changeSummary(previewed)} Everything is written in one step and recorded in the audit log; if any row has become wrong since the preview, nothing is written.`}
          confirmLabel="Import"
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            void send("import");
          }}
        />
      )}
    </div>
  );
}

function changeSummary(result: ImportResult): string {
  const parts = IMPORT_DEFINITIONS[result.kind].records.flatMap(({ key, label }) => {
    const tally = result.tallies[key];
    if (!tally || tally.created + tally.updated === 0) return [];
    return [`${label}: ${formatCount(tally.created)} to create, ${formatCount(tally.updated)} to update.`];
  });
  return parts.length > 0 ? parts.join(" ") : "Nothing changes: every record is already as the file says.";
}

function ProgressReport({ mode, progress }: { mode: ImportMode; progress: Progress | null }) {
  const words = progress
    ? `${STAGE_WORDS[progress.stage]}${progress.total > 1 ? `: ${formatCount(progress.done)} of ${formatCount(progress.total)}` : "…"}`
    : mode === "preview"
      ? "Sending the file…"
      : "Sending the file to import…";
  return (
    <div className="space-y-1" data-testid="import-progress">
      <progress className="h-2 w-full accent-brand-700" value={progress?.done ?? undefined} max={progress?.total || 1} aria-label="Progress of the import" />
      <p className="text-sm text-slate-700" aria-live="polite">
        {words}
      </p>
    </div>
  );
}

function ResultReport({ result }: { result: ImportResult }) {
  const definition = IMPORT_DEFINITIONS[result.kind];
  return (
    <div className="space-y-4" data-testid="import-result">
      {result.errorCount > 0 ? (
        <Notice tone="danger" role="alert">
          {countOf(result.errorCount, "problem")} in {countOf(result.rows, "row")}
          {result.mode === "import" ? ": nothing was imported" : ""}. Correct the file and preview it again.
        </Notice>
      ) : result.written ? (
        <Notice tone="success">Imported {countOf(result.rows, "row")} from the file.</Notice>
      ) : (
        <Notice tone="info">No problems in {countOf(result.rows, "row")}. Importing the file would do this:</Notice>
      )}

      {result.errorCount > 0 && (
        <div className="space-y-2">
          {result.errorCount > result.errors.length && (
            <p className="text-sm text-slate-700">
              The first {formatCount(MAX_ERRORS_SHOWN)} of {formatCount(result.errorCount)} problems:
            </p>
          )}
          <Table caption="Problems in the file, by row and column" data-testid="import-errors">
            <TableHead>
              <tr>
                <TableHeader numeric>Row</TableHeader>
                <TableHeader>Column</TableHeader>
                <TableHeader>Problem</TableHeader>
              </tr>
            </TableHead>
            <tbody>
              {result.errors.map((error, index) => (
                <TableRow key={index}>
                  <TableCell numeric>{error.row}</TableCell>
                  <TableCell className="font-mono text-xs">{error.column ?? "(whole row)"}</TableCell>
                  <TableCell className="wrap-anywhere">{error.message}</TableCell>
                </TableRow>
              ))}
            </tbody>
          </Table>
        </div>
      )}

      <Table caption={result.written ? "What the import did" : "What importing the file would do"} className="max-w-2xl" data-testid="import-tallies">
        <TableHead>
          <tr>
            <TableHeader>Records</TableHeader>
            <TableHeader numeric>{result.written ? "Created" : "To create"}</TableHeader>
            <TableHeader numeric>{result.written ? "Updated" : "To update"}</TableHeader>
            <TableHeader numeric>Unchanged</TableHeader>
          </tr>
        </TableHead>
        <tbody>
          {definition.records.map(({ key, label }) => {
            const tally = result.tallies[key];
            return (
              <TableRow key={key} data-testid={`tally-${key}`}>
                <TableHeader scope="row">{label}</TableHeader>
                <TableCell numeric>{formatCount(tally?.created ?? 0)}</TableCell>
                <TableCell numeric>{formatCount(tally?.updated ?? 0)}</TableCell>
                <TableCell numeric>{formatCount(tally?.unchanged ?? 0)}</TableCell>
              </TableRow>
            );
          })}
        </tbody>
      </Table>
      {result.errorCount > 0 && <p className="text-sm text-slate-600">The counts are of the rows without problems.</p>}
    </div>
  );
}
