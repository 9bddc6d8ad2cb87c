import { config } from "zod";

// Runs before any page code. zod compiles its object parsers with `new Function` where eval is
// allowed; the Content-Security-Policy forbids eval (proxy.ts), and zod's probe for it is reported
// as a CSP violation. Interpreted parsing is plenty fast for the browser's forms.
config({ jitless: true });
