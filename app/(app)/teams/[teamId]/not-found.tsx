import { MessagePage } from "@/components/ui/message-page";

export default function TeamNotFound() {
  return (
    <MessagePage title="Team not found">
      <p>There is no team at this address. It may have been removed, or the link is mistyped.</p>
    </MessagePage>
  );
}
