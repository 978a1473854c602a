import type {Reporter, TestModule} from "vitest/node";

/** Ends the run with one plain line, "tests: N passed, N failed, N skipped", that CI and people can read at a glance. */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const count = {passed: 0, failed: 0, skipped: 0};
    for (const module of modules) {
      // A file that failed with no failed test (an import or a beforeAll hook threw) counts as one failure.
      const tests = [...module.children.allTests()];
      if (module.state() === "failed" && !tests.some((t) => t.result().state === "failed")) count.failed++;
      for (const test of tests) {
        const state = test.result().state;
        if (state === "passed") count.passed++;
        else if (state === "failed") count.failed++;
        else count.skipped++;
      }
    }
    // After the default reporter's summary, which it prints in the same turn.
    setImmediate(() =>
      console.log(`\ntests: ${count.passed} passed, ${count.failed} failed, ${count.skipped} skipped`)
    );
  }
}
