import { TextLink } from "@/components/ui/text-link";

/** The 403 page of any signed-in page without a more specific one. */
export default function Forbidden() {
  return (
    <section aria-labelledby="not-permitted-title" className="rounded-lg border border-amber-200 bg-amber-50 p-6 text-amber-900">
      <h1 id="not-permitted-title" className="text-xl font-semibold">
        Not permitted
      </h1>
      <p className="mt-2">Your roles do not include access to this page. Ask your partnership office if you need it.</p>
      <TextLink href="/" className="mt-4 inline-block font-medium">
        Back to your home page
      </TextLink>
    </section>
  );
}
