import Link from "next/link";

export default function TeamNotFound() {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-6">
      <h1 className="text-xl font-semibold">Team not found</h1>
      <p className="mt-2 text-slate-700">There is no team at this address. It may have been removed, or the link is mistyped.</p>
      <Link href="/" className="mt-4 inline-block font-medium text-brand-700 underline">
        Back to your home page
      </Link>
    </section>
  );
}
