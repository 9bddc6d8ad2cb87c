import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { formatCount } from "@/lib/format";

const LINK_CLASS = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-brand-700 hover:bg-slate-50";

/** Previous / next links around "Page 2 of 7"; nothing when everything fits on one page. */
export function Pagination({ page, pageCount, href, label }: { page: number; pageCount: number; href: (page: number) => string; label: string }) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={label} className="no-print flex items-center justify-between gap-3">
      {page > 1 ? (
        <Link href={href(page - 1)} rel="prev" className={LINK_CLASS}>
          Previous page
        </Link>
      ) : (
        <span />
      )}
      <span className="text-sm text-slate-600">
        Page {formatCount(page)} of {formatCount(pageCount)}
      </span>
      {page < pageCount ? (
        <Link href={href(page + 1)} rel="next" className={LINK_CLASS}>
          Next page
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}

/** The empty state of a page past the last one, e.g. from an old bookmark. */
export function PageOutOfRange({ page, pageCount, firstPageHref }: { page: number; pageCount: number; firstPageHref: string }) {
  return (
    <EmptyState title={`There is no page ${formatCount(page)}`}>
      There {pageCount === 1 ? "is 1 page" : `are ${formatCount(pageCount)} pages`}.{" "}
      <Link href={firstPageHref} className="text-brand-700 underline">
        Go to the first page
      </Link>
      .
    </EmptyState>
  );
}
