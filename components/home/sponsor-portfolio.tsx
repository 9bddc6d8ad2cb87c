import { DataTable } from "@/components/ui/data-table";
import type { SponsorPortfolio } from "@/lib/data/sponsor-portfolio";
import { formatCents } from "@/lib/domain/money";
import { formatLevel } from "@/lib/format";

/** A sponsor's teams at a glance: where their levels stand and what they saved this year. */
export function SponsorPortfolioSection({ portfolio }: { portfolio: SponsorPortfolio }) {
  return (
    <section aria-labelledby="portfolio-title" className="rounded-lg border border-slate-200 bg-white p-6" data-testid="sponsor-portfolio">
      <h2 id="portfolio-title" className="text-lg font-semibold">
        Your teams
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        Validated savings reported in {portfolio.year}: <strong data-testid="portfolio-savings">{formatCents(portfolio.validatedCents)}</strong>
      </p>
      <div className="mt-4 grid gap-6 lg:grid-cols-2">
        <DataTable
          model={{
            id: "portfolio-levels",
            caption: "Your teams by their latest final level",
            columns: [
              { header: "Latest level", kind: "text" },
              { header: "Teams", kind: "count" },
              { header: "Share", kind: "percent" },
            ],
            rows: portfolio.distribution.map((bucket) => ({ cells: [bucket.label, bucket.teams, bucket.percent] })),
          }}
        />
        <DataTable
          model={{
            id: "portfolio-teams",
            caption: `Your teams' latest level and validated savings in ${portfolio.year}`,
            columns: [
              { header: "Team", kind: "text" },
              { header: "Latest level", kind: "text" },
              { header: `Validated ${portfolio.year}`, kind: "cents" },
            ],
            rows: portfolio.teams.map((team) => ({
              href: `/teams/${team.teamId}`,
              cells: [team.name, team.quarter ? `${formatLevel(team.level)} (${team.quarter})` : "Not rated yet", team.validatedCents],
            })),
          }}
        />
      </div>
    </section>
  );
}
