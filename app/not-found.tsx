import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl px-6 py-16">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="mt-3 text-slate-700">The page you asked for does not exist, or it has moved.</p>
      <Link href="/" className="mt-6 inline-block font-medium text-brand-700 underline">
        Go to your home page
      </Link>
    </main>
  );
}
