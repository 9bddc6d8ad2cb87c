import { Badge } from "@/components/ui/badge";

/** The 90-day flag beside a project's last update, the same on its team's list and board. */
export function StaleBadge() {
  return (
    <Badge tone="alert" size="sm" className="ml-2">
      Over 90 days
    </Badge>
  );
}
