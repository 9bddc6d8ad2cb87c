"use client";

import { Button } from "@/components/ui/button";
import { MessagePage } from "@/components/ui/message-page";
import { GENERIC_ERROR_MESSAGE } from "@/lib/errors";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <MessagePage title="This page could not be shown" action={<Button onClick={reset}>Try again</Button>}>
        <p>{GENERIC_ERROR_MESSAGE}</p>
      </MessagePage>
    </main>
  );
}
