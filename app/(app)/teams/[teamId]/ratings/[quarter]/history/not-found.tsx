import { MessagePage } from "@/components/ui/message-page";

export default function RatingHistoryNotFound() {
  return (
    <MessagePage title="No history to show">
      <p>There is no rating at this address: the team does not exist, the quarter is not one, or this quarter&apos;s rating has not been started.</p>
    </MessagePage>
  );
}
