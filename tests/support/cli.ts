import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './project.js';

/** The command users run: the bin, which runs the prebuilt build/ (brought up to date by the global setup). */
export const BIN = path.join(ROOT, 'bin', 'br-medicaldevice-gen.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node <bin> ...args` in a child process, as a user or CI would. */
export function runBin(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; bin?: string } = {}): CliResult {
  const result = spawnSync(process.execPath, [options.bin ?? BIN, ...args], { cwd: options.cwd ?? ROOT, encoding: 'utf8', ...(options.env ? { env: options.env } : {}) });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
