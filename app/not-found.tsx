import { MessagePage } from "@/components/ui/message-page";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <MessagePage title="Page not found">
        <p>The page you asked for does not exist, or it has moved.</p>
      </MessagePage>
    </main>
  );
}
