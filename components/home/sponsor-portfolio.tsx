import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import type { SponsorPortfolio } from "@/lib/data/sponsor-portfolio";
import { formatCents } from "@/lib/domain/money";
import { portfolioTables } from "@/lib/reports/overview-tables";

/** A sponsor's teams at a glance: where their levels stand and what they saved this year. */
export function SponsorPortfolioSection({ portfolio }: { portfolio: SponsorPortfolio }) {
  const tables = portfolioTables(portfolio);
  return (
    <Card
      id="portfolio"
      title="Your teams"
      description={
        <>
          Validated savings reported in {portfolio.year}: <strong data-testid="portfolio-savings">{formatCents(portfolio.validatedCents)}</strong>
        </>
      }
      data-testid="sponsor-portfolio"
    >
      <div className="grid gap-6 lg:grid-cols-2">
        <DataTable model={tables.levels} />
        <DataTable model={tables.teams} />
      </div>
    </Card>
  );
}
