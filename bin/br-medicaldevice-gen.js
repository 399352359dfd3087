#!/usr/bin/env node
// Runs the prebuilt command line: build/, bundled from the TypeScript sources by `npm ci` (the prepare script) or
// `npm run build`. Without it (installed with --ignore-scripts), runs the sources through tsx, only slower.
import { existsSync } from 'node:fs';

const bundle = new URL('../build/cli.js', import.meta.url);
if (existsSync(bundle)) {
  // Stack traces (BR_MEDICALDEVICE_DEBUG=1) name the .ts lines; off otherwise, since reading the maps costs start time.
  if (process.env.BR_MEDICALDEVICE_DEBUG) process.setSourceMapsEnabled(true);
  await import(bundle.href);
} else {
  process.stderr.write('note: build/ is missing (run npm run build): running from the TypeScript sources\n');
  await import('tsx');
  await import(new URL('../generator/cli/run.ts', import.meta.url).href);
}
