import { MessagePage } from "@/components/ui/message-page";

/** The 403 page of any signed-in page without a more specific one. */
export default function Forbidden() {
  return (
    <MessagePage title="Not permitted" tone="warning">
      <p>Your roles do not include access to this page. Ask your partnership office if you need it.</p>
    </MessagePage>
  );
}
