import type { Metadata } from "next";
import { ImportPanel } from "@/components/admin/import/import-panel";

export const metadata: Metadata = { title: "Import" };

/**
 * Bulk import and export, one CSV file per kind of record. The administration layout has
 * already let only administrators in; the route the panel posts to checks again, and keeps
 * a regional administrator to their regions row by row.
 */
export default function ImportPage() {
  return (
    <div className="space-y-4">
      <p className="max-w-3xl text-slate-700">
        Bring the organisation, its people, their roles, team rosters and past ratings in from CSV files, or take them out to edit in bulk.
        Each kind is matched on a stable key, so importing the same file again, or a file exported here, changes nothing.
      </p>
      <ImportPanel />
    </div>
  );
}
