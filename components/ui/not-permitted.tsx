import Link from "next/link";

/** Shown instead of a page the signed-in role may not open: a clear answer, not an error. */
export function NotPermitted({ what, who }: { what: string; who: string }) {
  return (
    <section aria-labelledby="not-permitted-title" className="rounded-lg border border-amber-200 bg-amber-50 p-6">
      <h1 id="not-permitted-title" className="text-xl font-semibold text-amber-900">
        Not permitted
      </h1>
      <p className="mt-2 text-amber-900">
        {what} is open to {who}. Your roles do not include access to it.
      </p>
      <Link href="/" className="mt-4 inline-block font-medium text-brand-700 underline">
        Back to your home page
      </Link>
    </section>
  );
}
