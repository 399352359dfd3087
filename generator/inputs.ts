import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { ModelDefinition } from '../model/schema/model.js';
import { ModelError, type ModelIssue } from '../model/load/model-error.js';
import { loadModelFile } from '../model/load/load-model.js';
import type { ReleaseInfo } from './context.js';
import { MODULE_TEMPLATE } from './emitters/module/emit-module.js';

/** Everything the pure generation step needs, read from disk beforehand. */
export interface GeneratorInputs {
  model: ModelDefinition;
  release: ReleaseInfo;
  templates: Record<string, string>;
  images: Record<string, string>;
}

export interface InputOptions {
  root: string;
  modelFile: string;
  /** Overrides package.json's release date (YYYY-MM-DD). */
  releaseDate?: string;
}

const SEMVER = /^\d+\.\d+\.\d+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export async function readInputs(options: InputOptions): Promise<GeneratorInputs> {
  const model = await loadModelFile(options.modelFile);
  const release = await readRelease(options.root, options.releaseDate);
  const templates: Record<string, string> = {};
  templates[MODULE_TEMPLATE] = await readFile(path.join(options.root, MODULE_TEMPLATE), 'utf8');
  const templateDir = path.join(options.root, 'templates');
  for (const name of (await readdir(templateDir)).sort()) {
    if (name.endsWith('.hbs')) templates[name] = await readFile(path.join(templateDir, name), 'utf8');
  }
  const images: Record<string, string> = {};
  const issues: ModelIssue[] = [];
  for (const cls of model.classes) {
    try {
      images[cls.icon] = await readFile(path.join(templateDir, 'images', cls.icon), 'utf8');
    } catch {
      issues.push({ path: `classes[${cls.name}].icon`, message: `no image '${cls.icon}' in templates/images/` });
    }
  }
  if (issues.length > 0) throw new ModelError(options.modelFile, issues);
  return { model, release, templates, images };
}

/** package.json is the one version source: module id, extension.xml and the zip name all take it from here. */
async function readRelease(root: string, releaseDateOverride?: string): Promise<ReleaseInfo> {
  const file = path.join(root, 'package.json');
  const json = JSON.parse(await readFile(file, 'utf8')) as { version?: unknown; itopExtension?: { releaseDate?: unknown } };
  const issues: ModelIssue[] = [];
  const version = String(json.version ?? '');
  if (!SEMVER.test(version)) issues.push({ path: 'version', message: `expected a version x.y.z, got ${JSON.stringify(json.version)}` });
  const releaseDate = releaseDateOverride ?? String(json.itopExtension?.releaseDate ?? '');
  if (!DATE.test(releaseDate) || Number.isNaN(Date.parse(releaseDate))) {
    issues.push({ path: releaseDateOverride ? '--release-date' : 'itopExtension.releaseDate', message: `expected a date YYYY-MM-DD, got ${JSON.stringify(releaseDate)}` });
  }
  if (issues.length > 0) throw new ModelError('package.json', issues);
  return { version, releaseDate };
}
