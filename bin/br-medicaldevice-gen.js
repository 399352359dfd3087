#!/usr/bin/env node
// Runs the prebuilt command line: build/, bundled from the TypeScript sources by `npm ci` (the prepare script) or
// `npm run build`. Without it (installed with --ignore-scripts), runs the sources through tsx, only slower.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../build/cli.cjs', import.meta.url));
if (existsSync(cli)) {
  // Stack traces (BR_MEDICALDEVICE_DEBUG=1) then name the .ts lines; off otherwise, reading the maps costs start time.
  if (process.env.BR_MEDICALDEVICE_DEBUG) process.setSourceMapsEnabled(true);
  const { loadBuilt } = createRequire(import.meta.url)('./load-built.cjs');
  process.exitCode = await loadBuilt(cli).main(process.argv.slice(2));
} else {
  process.stderr.write('note: build/ is missing (run npm run build): running from the TypeScript sources\n');
  await import('tsx');
  await import(new URL('../generator/cli/run.ts', import.meta.url).href);
}
