import Link from "next/link";
import { Button } from "./button";
import { EmptyState } from "./empty-state";
import { TextLink } from "./text-link";
import { formatCount } from "@/lib/format";

/** Previous / next links around "Page 2 of 7"; nothing when everything fits on one page. */
export function Pagination({ page, pageCount, href, label }: { page: number; pageCount: number; href: (page: number) => string; label: string }) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={label} className="no-print flex items-center justify-between gap-3">
      {page > 1 ? (
        <Button asChild variant="secondary">
          <Link href={href(page - 1)} rel="prev">
            Previous page
          </Link>
        </Button>
      ) : (
        <span />
      )}
      <span className="text-sm text-slate-600">
        Page {formatCount(page)} of {formatCount(pageCount)}
      </span>
      {page < pageCount ? (
        <Button asChild variant="secondary">
          <Link href={href(page + 1)} rel="next">
            Next page
          </Link>
        </Button>
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
      <TextLink href={firstPageHref}>Go to the first page</TextLink>
      .
    </EmptyState>
  );
}
