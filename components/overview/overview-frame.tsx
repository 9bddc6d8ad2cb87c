import { EmptyState } from "@/components/ui/empty-state";
import { TextLink } from "@/components/ui/text-link";
import { guardPage } from "@/lib/auth/page-guard";
import type { Actor } from "@/lib/auth/permissions";
import { overviewParams, resolveOverviewView, type OverviewQuery, type OverviewView } from "@/lib/reports/overview-view";

/**
 * Resolves an overview URL for a page through the page guard (not permitted: 403;
 * unknown place: 404), or the empty state when there are no final ratings yet.
 */
export async function loadOverviewView(
  actor: Actor,
  query: OverviewQuery,
): Promise<{ view: OverviewView; fallback?: never } | { view?: never; fallback: React.ReactNode }> {
  const view = await guardPage(resolveOverviewView(actor, query));
  if (view) return { view };
  return {
    fallback: <EmptyState title="No final ratings yet">Once sponsors finalise a quarter&apos;s ratings, the roll-ups appear here.</EmptyState>,
  };
}

/**
 * National › region › facility, each a link to that level of the overview. For
 * someone who sees one region, their region is the top: no "All regions" crumb
 * above it, and no second crumb of the same name.
 */
export function OverviewBreadcrumbs({ view, path = "/overview" }: { view: OverviewView; path?: string }) {
  const top = { label: view.home.label, href: `${path}?${overviewParams(view, { region: null, facility: null })}` };
  const levels = [
    ...(view.home.region && view.region ? [] : [top]),
    ...(view.region ? [{ label: view.region.name, href: `${path}?${overviewParams(view, { facility: null })}` }] : []),
    ...(view.facility ? [{ label: view.facility.name, href: `${path}?${overviewParams(view)}` }] : []),
  ];
  return (
    <nav aria-label="Breadcrumb" className="no-print text-sm">
      <ol className="flex flex-wrap gap-1 text-slate-600">
        {levels.map((level, index) => (
          <li key={level.label} className="flex gap-1">
            {index > 0 && <span aria-hidden="true">›</span>}
            {index === levels.length - 1 ? (
              <span aria-current="page" className="font-medium text-slate-900">{level.label}</span>
            ) : (
              <TextLink href={level.href}>{level.label}</TextLink>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
