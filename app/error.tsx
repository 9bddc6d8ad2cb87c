"use client";

import { useRouter } from "next/navigation";
import { startTransition, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { MessagePage } from "@/components/ui/message-page";
import { DATABASE_UNAVAILABLE_MESSAGE, GENERIC_ERROR_MESSAGE } from "@/lib/errors";

/** How often the page asks whether the database is back. */
const RECHECK_MS = 3000;

const isDatabaseUp = () => fetch("/api/health", { cache: "no-store" }).then((response) => response.ok, () => false);

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const router = useRouter();
  // In production the error reaches the browser as a digest only: /api/health (503 while
  // the database is away) tells an outage from any other failure.
  const [databaseDown, setDatabaseDown] = useState(false);
  const retry = () =>
    startTransition(() => {
      // The failure happened on the server: render the page there again, then here.
      router.refresh();
      reset();
    });

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = async (wasDown: boolean) => {
      const up = await isDatabaseUp();
      if (stopped) return;
      setDatabaseDown(!up);
      if (!up) timer = setTimeout(() => void check(true), RECHECK_MS);
      // Back after an outage: show the page again without the user having to ask.
      else if (wasDown) retry();
    };
    void check(false);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
    // Once per error: `retry` closes over props that do not change while this page shows.
  }, []);

  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <MessagePage title="This page could not be shown" action={<Button onClick={retry}>Try again</Button>}>
        <p role="status">{databaseDown ? `${DATABASE_UNAVAILABLE_MESSAGE} This page will reload by itself when the database is back.` : GENERIC_ERROR_MESSAGE}</p>
      </MessagePage>
    </main>
  );
}
