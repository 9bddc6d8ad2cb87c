// Shown by `npm start` and used by the end-to-end tests; the seed creates these accounts.
export const DEMO_PASSWORD = "demo-password";

export const DEMO_ACCOUNTS = [
  { email: "staff@example.org", description: "LMP staff, national" },
  { email: "admin@example.org", description: "administrator" },
  { email: "finance@example.org", description: "finance reviewer" },
  { email: "consultant.colorado@example.org", description: "UBT consultant, Colorado" },
  { email: "sponsor.union@example.org", description: "union sponsor of Colorado teams" },
  { email: "sponsor.mgmt@example.org", description: "management sponsor of the same teams" },
  { email: "colead.labor@example.org", description: "labor co-lead, Colorado couriers" },
  { email: "colead.mgmt@example.org", description: "management co-lead, Colorado couriers" },
] as const;
