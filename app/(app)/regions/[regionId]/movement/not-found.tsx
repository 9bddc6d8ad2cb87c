import Link from "next/link";

export default function RegionNotFound() {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-6">
      <h1 className="text-xl font-semibold">Region not found</h1>
      <p className="mt-2 text-slate-700">There is no region at this address. Pick one from the regional table.</p>
      <Link href="/regions" className="mt-4 inline-block font-medium text-brand-700 underline">
        Back to the regions
      </Link>
    </section>
  );
}
