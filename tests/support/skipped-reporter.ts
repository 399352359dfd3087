import type { Reporter, TestModule } from 'vitest/node';

/** Lists, after the summary, every test skipped with a reason (`ctx.skip(condition, reason)`), by name. */
export default class SkippedReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const lines: string[] = [];
    for (const module of testModules) {
      for (const test of module.children.allTests('skipped')) {
        const result = test.result();
        if (result.state === 'skipped' && result.note) lines.push(`  skipped: ${module.moduleId.replace(`${process.cwd()}/`, '')} > ${test.fullName}: ${result.note}`);
      }
    }
    if (lines.length > 0) process.stdout.write(`\n${lines.join('\n')}\n`);
  }
}
