"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { ActionForm, FormField, FormFooter } from "@/components/form/action-form";
import { useActionForm } from "@/components/form/use-action-form";
import { Button } from "@/components/ui/button";
import { Input, NumberInput } from "@/components/ui/input";
import { optionsOf, Select } from "@/components/ui/select";
import type { RegionOption } from "@/lib/data/practices";
import { COMPASS_LABELS } from "@/lib/domain/projects";
import type { FieldErrors } from "@/lib/errors";
import { DEPARTMENT_TYPE_LABELS, practiceSearchHref, practiceSearchSchema, type PracticeSearchValues } from "@/lib/validation/practices";

const COMPASS_OPTIONS = [{ value: "", label: "All points" }, ...optionsOf(COMPASS_LABELS)];
const DEPARTMENT_OPTIONS = [
  { value: "", label: "All department types" },
  ...optionsOf(DEPARTMENT_TYPE_LABELS),
];

/**
 * A GET form: the search lives in the URL, so results can be bookmarked and shared.
 * Checked here with the schema the page reads the URL with, then the browser goes to
 * the search's address; `fieldErrors` are what the page refused in the URL it was given.
 */
export function PracticeSearchForm({ values, regions, fieldErrors }: { values: PracticeSearchValues; regions: RegionOption[]; fieldErrors: FieldErrors }) {
  const router = useRouter();
  const api = useActionForm({
    schema: practiceSearchSchema,
    action: async (search) => {
      router.push(practiceSearchHref(search));
      return undefined;
    },
    values,
    errors: fieldErrors,
  });
  return (
    <ActionForm api={api} role="search" aria-label="Search the practice library" method="get" action="/practices" className="grid gap-4 space-y-0 sm:grid-cols-2 lg:grid-cols-3">
      <FormField name="q" label="Search" hint="Words in the title or aim" className="sm:col-span-2 lg:col-span-3">
        {(control) => <Input {...control} type="search" maxLength={200} />}
      </FormField>
      <FormField name="compass" label="Value Compass point">
        {(control) => <Select {...control} options={COMPASS_OPTIONS} />}
      </FormField>
      <FormField name="department" label="Department type">
        {(control) => <Select {...control} options={DEPARTMENT_OPTIONS} />}
      </FormField>
      <FormField name="region" label="Region">
        {(control) => <Select {...control} options={[{ value: "", label: "All regions" }, ...regions.map((region) => ({ value: region.slug, label: region.name }))]} />}
      </FormField>
      <FormField name="minSavings" label="Minimum validated savings" hint="In dollars, like 10,000">
        {(control) => <NumberInput {...control} />}
      </FormField>
      {/* pt-6: the button level with the inputs, below their one-line labels. */}
      <FormFooter submitLabel="Find practices" pendingLabel="Finding…" className="sm:pt-6 lg:col-span-2">
        <Button asChild variant="secondary">
          <Link href="/practices">Clear</Link>
        </Button>
      </FormFooter>
    </ActionForm>
  );
}
