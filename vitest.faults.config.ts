import { defineConfig } from "vitest/config";
import baseConfig from "./vitest.config";

// `npm run test:faults`: kills and restarts the app and its database (tests/faults), so it
// is kept out of `vitest run` and runs one file at a time.
export default defineConfig({
  resolve: baseConfig.resolve,
  test: {
    include: ["tests/faults/**/*.test.ts"],
    environment: "node",
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
