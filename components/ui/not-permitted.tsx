import { PERMISSION_WORDING, type Action } from "@/lib/auth/permissions";
import { TextLink } from "./text-link";

/**
 * The body of a 403 page (a segment's forbidden.tsx): what the page is and, in the
 * permission matrix's words, who may open it. A clear answer, not an error.
 */
export function NotPermitted({ what, plural = false, action, note }: { what: string; plural?: boolean; action: Action; note?: string }) {
  return (
    <section aria-labelledby="not-permitted-title" className="rounded-lg border border-amber-200 bg-amber-50 p-6 text-amber-900">
      <h1 id="not-permitted-title" className="text-xl font-semibold">
        Not permitted
      </h1>
      <p className="mt-2" data-testid="not-permitted-who">
        {what} {plural ? "are" : "is"} open to {PERMISSION_WORDING[action].who}. Your roles do not include access to {plural ? "them" : "it"}.
      </p>
      {note && <p className="mt-2">{note}</p>}
      <TextLink href="/" className="mt-4 inline-block font-medium">
        Back to your home page
      </TextLink>
    </section>
  );
}
