// Mocha reporter: the usual spec output, the reason of every skipped test, and one closing line
// `N passed, N failed, N skipped` that CI reads. CommonJS because mocha requires reporters.
// With TROUPE_SUMMARY_FILE set, the counts are appended there as JSON instead of the closing
// line, so a script running several mocha runs prints one line for all of them.
import Mocha = require('mocha');
import fs = require('node:fs');

const { EVENT_RUN_END, EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING } = Mocha.Runner.constants;
const REASONS = Symbol.for('troupe.skipReasons');

function reasons(): Map<string, string> {
  const store = globalThis as unknown as Record<symbol, Map<string, string> | undefined>;
  return (store[REASONS] ??= new Map());
}

class SummaryReporter extends Mocha.reporters.Spec {
  constructor(runner: Mocha.Runner, options: Mocha.MochaOptions) {
    super(runner, options);
    let passed = 0;
    let failed = 0;
    const skipped: string[] = [];
    runner.on(EVENT_TEST_PASS, () => passed++);
    runner.on(EVENT_TEST_FAIL, () => failed++);
    runner.on(EVENT_TEST_PENDING, (test) => skipped.push(test.fullTitle()));
    runner.once(EVENT_RUN_END, () => {
      for (const title of skipped) {
        process.stdout.write(`skipped: ${title}: ${reasons().get(title) ?? 'no reason given'}\n`);
      }
      const file = process.env['TROUPE_SUMMARY_FILE'];
      if (file) fs.appendFileSync(file, JSON.stringify({ passed, failed, skipped: skipped.length }) + '\n');
      else process.stdout.write(`${passed} passed, ${failed} failed, ${skipped.length} skipped\n`);
    });
  }
}

export = SummaryReporter;
