import { TextLink } from "./text-link";

export type Crumb = { label: string; href?: string };

/** Where a page sits in a tree (Organisation › Colorado › a facility): each step a link, the page itself last and plain. */
export function Breadcrumbs({ items }: { items: readonly Crumb[] }) {
  return (
    <nav aria-label="Breadcrumb" className="no-print min-w-0 text-sm">
      <ol className="flex flex-wrap items-center gap-x-2 gap-y-1">
        {items.map((item, index) => (
          <li key={`${index}-${item.label}`} className="flex min-w-0 items-center gap-2">
            {index > 0 && (
              <span aria-hidden className="text-slate-400">
                ›
              </span>
            )}
            {item.href && index < items.length - 1 ? (
              <TextLink href={item.href}>{item.label}</TextLink>
            ) : (
              <span aria-current={index === items.length - 1 ? "page" : undefined} className="wrap-anywhere font-medium text-slate-800">
                {item.label}
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
