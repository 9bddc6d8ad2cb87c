/**
 * A real OpenID Connect provider on loopback for the end-to-end tests (the `oidc-provider`
 * package, test-only): anyone may sign in under any email (its development login form), and
 * the app then decides whether that email has an account. Run by playwright.config.ts.
 *   OIDC_PORT                             where it listens (127.0.0.1)
 *   APP_URL                               the app's address, for the callback it may redirect to
 *   OIDC_CLIENT_ID, OIDC_CLIENT_SECRET    the one client it knows: the app
 */
import Provider from "oidc-provider";

const port = Number(process.env.OIDC_PORT);
const { APP_URL: appUrl, OIDC_CLIENT_ID: clientId, OIDC_CLIENT_SECRET: clientSecret } = process.env;
if (!Number.isInteger(port) || !appUrl || !clientId || !clientSecret) throw new Error("Set OIDC_PORT, APP_URL, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET.");

const provider = new Provider(`http://127.0.0.1:${port}`, {
  clients: [
    {
      client_id: clientId,
      client_secret: clientSecret,
      redirect_uris: [`${appUrl}/api/auth/callback/oidc`],
      grant_types: ["authorization_code"],
      response_types: ["code"],
    },
  ],
  // The login name typed into the development form is the person's email.
  findAccount: async (_context, id) => ({
    accountId: id,
    claims: async () => ({ sub: id, email: id, email_verified: true, name: id }),
  }),
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
  // The app reads the person from the ID token (next-auth's idToken: true), as from many real providers.
  conformIdTokenClaims: false,
  cookies: { keys: ["e2e-only-cookie-key"] },
});

provider.listen(port, "127.0.0.1", () => console.log(`OpenID Connect provider for the tests at http://127.0.0.1:${port}`));
