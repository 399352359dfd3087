import Handlebars from 'handlebars';
import type { Emitter, GeneratorContext } from '../../context.js';
import { installerClassName, renderInstallerClass } from '../../php/installer/installer-class.js';
import { phpString } from '../../php/php-string.js';
import type { InstallerStep } from '../../ir/installer.js';

export const MODULE_TEMPLATE = 'module.br-medicaldevice.php.tmpl';

/** What differs between the module files of the extension (the main module, a bridge module). */
export interface ModuleFileSpec {
  code: string;
  label: string;
  dependencies: string[];
  /** PHP boolean expression iTop's setup evaluates to select the module by itself (an invisible module). */
  autoSelect?: string;
  datamodel: string[];
  installer?: InstallerStep[];
}

/** Renders `module.<code>.php` from the project's template: the module id carries the package.json version. */
export function renderModuleFile(ctx: GeneratorContext, spec: ModuleFileSpec): string {
  const template = Handlebars.compile(ctx.templates[MODULE_TEMPLATE] ?? '', { noEscape: true, strict: true });
  const steps = spec.installer ?? [];
  return template({
    moduleCode: spec.code,
    version: ctx.release.version,
    itopVersions: ctx.target.itopVersions,
    moduleId: phpString(`${spec.code}/${ctx.release.version}`),
    label: phpString(spec.label),
    category: phpString(ctx.ir.model.module.category),
    dependencies: spec.dependencies.map(phpString),
    visible: spec.autoSelect ? 'false' : 'true',
    autoSelect: spec.autoSelect ? phpString(spec.autoSelect) : '',
    installer: steps.length > 0 ? phpString(installerClassName(spec.code)) : '',
    installerClass: steps.length > 0 ? renderInstallerClass(spec.code, steps) : '',
    datamodel: spec.datamodel.map(phpString),
    moreInformation: phpString(ctx.ir.model.module.moreInfoUrl),
  });
}

/** `module.<code>.php` of the main module. */
export const emitModule: Emitter = (ctx) => {
  const { module } = ctx.ir.model;
  const content = renderModuleFile(ctx, {
    code: module.code,
    label: module.label,
    dependencies: ctx.target.dependencyModules.map((dependency) => `${dependency}/${ctx.release.itopVersionMin}`),
    datamodel: [...(ctx.target.modelPlaceholder ? [`model.${module.code}.php`] : []), ...ctx.ir.php.includes],
    installer: ctx.ir.installer,
  });
  return [{ path: `module.${module.code}.php`, content }];
};
