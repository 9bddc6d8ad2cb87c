import pg from "pg";

/**
 * The role the web app connects as: it reads and writes the app's tables but owns
 * nothing and may only append to the audit trail (granted by the migration
 * prisma/migrations/20261201021500_app_role_least_privilege). Migrations and the
 * seed run as the owner.
 */
export const APP_ROLE = "ubt_app";

/**
 * Lets the app role (created NOLOGIN by the migrations) sign in with `password`, as
 * the owner at `ownerUrl` (who must be allowed to alter roles); returns the URL of
 * the same database for the app role.
 */
export async function enableAppRoleLogin(ownerUrl: string, password: string): Promise<string> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query(`ALTER ROLE ${client.escapeIdentifier(APP_ROLE)} WITH LOGIN PASSWORD ${client.escapeLiteral(password)}`);
  } finally {
    await client.end();
  }
  return urlAs(ownerUrl, APP_ROLE, password);
}

function urlAs(url: string, user: string, password: string): string {
  const result = new URL(url);
  result.username = encodeURIComponent(user);
  result.password = encodeURIComponent(password);
  return result.toString();
}
