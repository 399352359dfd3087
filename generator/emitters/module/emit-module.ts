import Handlebars from 'handlebars';
import type { Emitter } from '../../context.js';
import { installerClassName, renderInstallerClass } from '../../php/installer/installer-class.js';
import { phpString } from '../../php/php-string.js';

export const MODULE_TEMPLATE = 'module.br-medicaldevice.php.tmpl';

/** `module.<code>.php` from the project's template: the module id carries the package.json version. */
export const emitModule: Emitter = (ctx) => {
  const { module } = ctx.ir.model;
  const template = Handlebars.compile(ctx.templates[MODULE_TEMPLATE] ?? '', { noEscape: true, strict: true });
  const datamodel = [...(ctx.target.modelPlaceholder ? [`model.${module.code}.php`] : []), ...ctx.ir.php.includes];
  const content = template({
    moduleCode: module.code,
    version: ctx.release.version,
    itopVersions: ctx.target.itopVersions,
    moduleId: phpString(`${module.code}/${ctx.release.version}`),
    label: phpString(module.label),
    category: phpString(module.category),
    dependencies: ctx.target.dependencyModules.map((module) => phpString(`${module}/${ctx.release.itopVersionMin}`)),
    datamodel: datamodel.map(phpString),
    moreInformation: phpString(module.moreInfoUrl),
    ...installerOf(ctx),
  });
  return [{ path: `module.${module.code}.php`, content }];
};

/** The installer class (generator/ir/installer-steps.ts), when the extension has installer steps. */
function installerOf(ctx: Parameters<Emitter>[0]): { installerClass: string; installer: string } {
  if (ctx.ir.installer.length === 0) return { installerClass: '', installer: '' };
  const className = installerClassName(ctx.ir.model);
  return { installerClass: phpString(className), installer: renderInstallerClass(className, ctx.ir.installer) };
}
