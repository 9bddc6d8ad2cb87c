import Link from "next/link";
import { isEmptyScope, scopeFor } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { ROLE_LABELS } from "@/lib/domain/roles";

export default async function HomePage() {
  const user = await requireUser();
  const mayViewRollups = !isEmptyScope(scopeFor(user, "rollup.view"));

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Welcome, {user.displayName}</h1>
      <section aria-labelledby="roles-title" className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="roles-title" className="text-lg font-semibold">
          Your roles
        </h2>
        {user.assignments.length === 0 ? (
          <p className="mt-2 text-slate-700">You have no role assigned yet. Ask your partnership office to add one.</p>
        ) : (
          <ul className="mt-2 list-disc space-y-1 pl-5 text-slate-800">
            {user.assignments.map((assignment, index) => (
              <li key={index}>
                {ROLE_LABELS[assignment.role]}
                {assignment.teamName ? ` — ${assignment.teamName}` : assignment.regionName ? ` — ${assignment.regionName}` : " — national"}
              </li>
            ))}
          </ul>
        )}
      </section>
      {mayViewRollups && (
        <p>
          <Link href="/regions" className="font-medium text-brand-700 underline">
            See the regional high-performing table
          </Link>
        </p>
      )}
    </div>
  );
}
