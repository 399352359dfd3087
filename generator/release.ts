import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ModelError, type ModelIssue } from '../model/load/model-error.js';
import type { ReleaseInfo } from './context.js';
import type { Target } from './targets/target.js';

export interface ReleaseOptions {
  /** Overrides package.json's itopExtension.releaseDate (YYYY-MM-DD). */
  releaseDate?: string;
  /** Overrides package.json's itopExtension.itopVersionMin and the target's minimum. */
  itopMin?: string;
}

const SEMVER = /^\d+\.\d+\.\d+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * package.json is the one version source: module id, extension.xml and the zip name all take it from
 * here. The release date is written there too (or given as an option), never taken from the clock,
 * so the same commit always gives the same bytes.
 */
export async function readRelease(root: string, target: Target, options: ReleaseOptions = {}): Promise<ReleaseInfo> {
  const json = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as {
    version?: unknown;
    itopExtension?: { releaseDate?: unknown; itopVersionMin?: unknown };
  };
  const issues: ModelIssue[] = [];
  const version = String(json.version ?? '');
  if (!SEMVER.test(version)) issues.push({ path: 'version', message: `expected a version x.y.z, got ${JSON.stringify(json.version)}` });
  const releaseDate = options.releaseDate ?? String(json.itopExtension?.releaseDate ?? '');
  if (!DATE.test(releaseDate) || Number.isNaN(Date.parse(releaseDate))) {
    issues.push({ path: options.releaseDate ? '--release-date' : 'itopExtension.releaseDate', message: `expected a date YYYY-MM-DD, got ${JSON.stringify(releaseDate)}` });
  }
  const configuredMin = options.itopMin ?? (json.itopExtension?.itopVersionMin === undefined ? undefined : String(json.itopExtension.itopVersionMin));
  const itopVersionMin = configuredMin ?? target.itopVersionMin;
  const where = options.itopMin ? '--itop-min' : 'itopExtension.itopVersionMin';
  if (!SEMVER.test(itopVersionMin)) issues.push({ path: where, message: `expected an iTop version x.y.z, got ${JSON.stringify(itopVersionMin)}` });
  else if (compareVersions(itopVersionMin, target.itopVersionMin) < 0) {
    issues.push({ path: where, message: `iTop ${itopVersionMin} cannot read the ${target.id} target's datamodel format ${target.designVersion}: expected ${target.itopVersionMin} or later` });
  }
  if (issues.length > 0) throw new ModelError('package.json', issues);
  return { version, releaseDate, itopVersionMin };
}

/** Numeric comparison of x.y.z versions, like PHP's version_compare for plain releases. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}
