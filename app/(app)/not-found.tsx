import { MessagePage } from "@/components/ui/message-page";

/** A signed-in page or record that does not exist, inside the app's header and navigation. */
export default function NotFound() {
  return (
    <MessagePage title="Page not found">
      <p>The page you asked for does not exist, or it has moved.</p>
    </MessagePage>
  );
}
