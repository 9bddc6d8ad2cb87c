// A route handler, not a server action: files up to 30 MB are over a server action's body
// limit, and the import's progress streams back while it runs.
import { requireRouteAdmin } from "@/lib/auth/route-guard";
import { isSameOrigin } from "@/lib/auth/same-origin";
import { errorResponse, ForbiddenError, InvalidInputError, publicMessage } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/session";
import { importCsv, type ImportInput } from "@/lib/services/imports";
import { readFormDataWithin } from "@/lib/upload";
import { parseInput } from "@/lib/validation/parse";
import { importKindSchema, importModeSchema, MAX_IMPORT_BYTES, MAX_IMPORT_SIZE_LABEL, type ImportEvent } from "@/lib/validation/imports";

export const dynamic = "force-dynamic";

const TOO_LARGE = `The file is larger than ${MAX_IMPORT_SIZE_LABEL}, the most one import takes: split it into smaller files and import them one after another.`;

async function readImportRequest(request: Request): Promise<{ actor: CurrentUser; input: ImportInput }> {
  if (!isSameOrigin(request)) throw new ForbiddenError("This import must be sent from the app's own import page.");
  const actor = await requireRouteAdmin();
  const form = await readFormDataWithin(request, MAX_IMPORT_BYTES, TOO_LARGE);
  const kind = parseInput(importKindSchema, form.get("kind"));
  const mode = parseInput(importModeSchema, form.get("mode"));
  const file = form.get("file");
  if (!(file instanceof File)) throw new InvalidInputError("Choose a CSV file to import.");
  if (file.size > MAX_IMPORT_BYTES) throw new InvalidInputError(TOO_LARGE);
  return { actor, input: { kind, mode, fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } };
}

/**
 * POST multipart (kind, mode = preview | import, file). Refusals before the work starts
 * are JSON with their status; after that the answer is NDJSON (ImportEvent per line):
 * progress while parsing, validating and writing, then the result or the failure.
 */
export async function POST(request: Request) {
  let read: Awaited<ReturnType<typeof readImportRequest>>;
  try {
    read = await readImportRequest(request);
  } catch (error) {
    return errorResponse(error);
  }

  const { actor, input } = read;
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (event: ImportEvent) => controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
      // Not awaited: the response starts streaming while the import runs.
      void (async () => {
        try {
          const result = await importCsv(actor, input, async (stage, done, total) => {
            send({ type: "progress", stage, done, total });
            // Lets the event leave before the next chunk of synchronous work.
            await new Promise((resolve) => setImmediate(resolve));
          });
          send({ type: "result", result });
        } catch (error) {
          send({ type: "failed", message: publicMessage(error) });
        } finally {
          controller.close();
        }
      })();
    },
  });
  return new Response(body, { headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store" } });
}
