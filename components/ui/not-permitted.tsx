import { PERMISSION_WORDING, type Action } from "@/lib/auth/permissions";
import { MessagePage } from "./message-page";

/**
 * The body of a 403 page (a segment's forbidden.tsx): what the page is and, in the
 * permission matrix's words, who may open it. A clear answer, not an error.
 */
export function NotPermitted({ what, plural = false, action, note }: { what: string; plural?: boolean; action: Action; note?: string }) {
  return (
    <MessagePage title="Not permitted" tone="warning">
      <p data-testid="not-permitted-who">
        {what} {plural ? "are" : "is"} open to {PERMISSION_WORDING[action].who}. Your roles do not include access to {plural ? "them" : "it"}.
      </p>
      {note && <p>{note}</p>}
    </MessagePage>
  );
}
