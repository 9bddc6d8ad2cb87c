import { DataTable } from "@/components/ui/data-table";
import type { SponsorPortfolio } from "@/lib/data/sponsor-portfolio";
import { formatCents } from "@/lib/domain/money";
import { portfolioTables } from "@/lib/reports/overview-tables";

/** A sponsor's teams at a glance: where their levels stand and what they saved this year. */
export function SponsorPortfolioSection({ portfolio }: { portfolio: SponsorPortfolio }) {
  const tables = portfolioTables(portfolio);
  return (
    <section aria-labelledby="portfolio-title" className="rounded-lg border border-slate-200 bg-white p-6" data-testid="sponsor-portfolio">
      <h2 id="portfolio-title" className="text-lg font-semibold">
        Your teams
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        Validated savings reported in {portfolio.year}: <strong data-testid="portfolio-savings">{formatCents(portfolio.validatedCents)}</strong>
      </p>
      <div className="mt-4 grid gap-6 lg:grid-cols-2">
        <DataTable model={tables.levels} />
        <DataTable model={tables.teams} />
      </div>
    </section>
  );
}
