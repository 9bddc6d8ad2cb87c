import { AppError } from "@/lib/errors";

/** Room for the multipart envelope around the file (boundaries, part headers, the other fields). */
const ENVELOPE_BYTES = 64 * 1024;

/**
 * A multipart form body, refused with 413 and `tooLarge` as soon as it is over `maxBytes`:
 * at once when Content-Length says so, else while it arrives, so an oversized upload is
 * never read whole into memory.
 */
export async function readFormDataWithin(request: Request, maxBytes: number, tooLarge: string): Promise<FormData> {
  const limit = maxBytes + ENVELOPE_BYTES;
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) throw new AppError(tooLarge, 413);
  if (!request.body) throw new AppError("The request has no file.", 400);

  let received = 0;
  const counted = request.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        received += chunk.byteLength;
        if (received > limit) controller.error(new AppError(tooLarge, 413));
        else controller.enqueue(chunk);
      },
    }),
  );
  try {
    return await new Response(counted, { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData();
  } catch (error) {
    if (received > limit) throw new AppError(tooLarge, 413);
    if (error instanceof AppError) throw error;
    throw new AppError("The upload could not be read as a form with a file: choose the file and try again.", 400);
  }
}
