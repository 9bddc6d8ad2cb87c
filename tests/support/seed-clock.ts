import { currentQuarter, type Quarter } from "@/lib/domain/quarter";

/**
 * The moment the integration tests' seed is generated "as of" (`seedDatabase(url, { now })`):
 * ratings run up to its quarter, which is left partly rated, and projects, savings and
 * role changes are dated relative to it. Fixed, so the seeded data (and every figure read
 * from them) are the same on every day the tests run.
 *
 * It lies in a quarter that has already ended, so on the real clock, which the services
 * use to refuse future dates and quarters, the seed's present is always in the past:
 * the seed's quarter stays rateable, and the real current quarter never holds seeded ratings.
 * Tests that read "the present" pass SEED_NOW to the data functions; a test that needs the
 * real clock (because the service under test reads it) says so where it does.
 */
export const SEED_NOW = new Date("2026-08-14T12:00:00.000Z");

/** The seed's current quarter (2026-Q3): partly rated; the demo couriers team not started. */
export const SEED_QUARTER: Quarter = currentQuarter(SEED_NOW);
