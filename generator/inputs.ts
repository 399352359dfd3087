import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { ModelDefinition } from '../model/schema/model.js';
import { ModelError, type ModelIssue } from '../model/load/model-error.js';
import { loadModelFile } from '../model/load/load-model.js';
import type { ReleaseInfo } from './context.js';
import { readRelease, type ReleaseOptions } from './release.js';
import type { Target } from './targets/target.js';
import { MODULE_TEMPLATE } from './emitters/module/emit-module.js';

/** Everything the pure generation step needs, read from disk beforehand. */
export interface GeneratorInputs {
  model: ModelDefinition;
  release: ReleaseInfo;
  templates: Record<string, string>;
  images: Record<string, string>;
}

export interface InputOptions extends ReleaseOptions {
  root: string;
  modelFile: string;
  target: Target;
}

export async function readInputs(options: InputOptions): Promise<GeneratorInputs> {
  const model = await loadModelFile(options.modelFile);
  const release = await readRelease(options.root, options.target, options);
  const templates: Record<string, string> = {};
  templates[MODULE_TEMPLATE] = await readFile(path.join(options.root, MODULE_TEMPLATE), 'utf8');
  const templateDir = path.join(options.root, 'templates');
  for (const name of (await readdir(templateDir)).sort()) {
    if (name.endsWith('.hbs')) templates[name] = await readFile(path.join(templateDir, name), 'utf8');
  }
  const images: Record<string, string> = {};
  const issues: ModelIssue[] = [];
  const wanted: [string, string][] = model.classes.map((cls) => [cls.icon, `classes[${cls.name}].icon`]);
  for (const menu of model.menus) {
    if (menu.type !== 'dashboard') continue;
    menu.cells.forEach((cell, i) => cell.forEach((dashlet, j) => dashlet.type === 'header' && wanted.push([dashlet.icon, `menus[${menu.id}].cells[${i}][${j}].icon`])));
  }
  for (const [name, at] of wanted) {
    if (images[name] !== undefined) continue;
    try {
      images[name] = await readFile(path.join(templateDir, 'images', name), 'utf8');
    } catch {
      issues.push({ path: at, message: `no image '${name}' in templates/images/` });
    }
  }
  if (issues.length > 0) throw new ModelError(options.modelFile, issues);
  return { model, release, templates, images };
}
