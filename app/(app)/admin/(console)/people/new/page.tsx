import type { Metadata } from "next";
import { CreatePersonForm } from "@/components/people/person-form";
import { Card } from "@/components/ui/card";
import { TextLink } from "@/components/ui/text-link";
import { guardPage } from "@/lib/auth/page-guard";
import { requireUser } from "@/lib/auth/session";
import { getNewPersonForm } from "@/lib/data/people";

export const metadata: Metadata = { title: "Add a person" };

export default async function NewPersonPage() {
  const user = await requireUser();
  const { unionLocals } = await guardPage(getNewPersonForm(user));
  return (
    <div className="space-y-4">
      <TextLink href="/admin/people" className="text-sm">
        ← People and accounts
      </TextLink>
      <Card id="new-person" title="Add a person" description="Then, on their page, invite them to sign in and give them their roles.">
        <CreatePersonForm unionLocals={unionLocals} />
      </Card>
    </div>
  );
}
