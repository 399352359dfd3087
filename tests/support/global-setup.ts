import { execFileSync } from 'node:child_process';
import { ROOT } from './project.js';

/**
 * Before any test file: brings build/ (the bundle the bin runs) up to date with the sources, so the tests that run
 * the command line as users do (bin/br-medicaldevice-gen.js) test the code of this checkout. Once, in the main process.
 */
export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build.mjs', '--if-stale'], { cwd: ROOT, stdio: 'inherit' });
}
