import {defineConfig} from "vitest/config";

export default defineConfig({
  test: {
    env: {TZ: "America/New_York"},
    reporters: ["./test/summary-reporter.ts", "default"],
    projects: [
      {
        resolve: {alias: {"arquero/dist/arquero.js": new URL("test/arquero-default.ts", import.meta.url).pathname}},
        test: {
          name: "unit",
          include: ["test/**/*-test.ts"],
          exclude: ["test/browser/**"],
          testTimeout: 20_000
        }
      },
      {
        test: {
          name: "browser",
          include: ["test/browser/**/*-test.ts"],
          globalSetup: ["test/browser/setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 600_000
        }
      }
    ]
  }
});
