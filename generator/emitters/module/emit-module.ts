import Handlebars from 'handlebars';
import type { Emitter } from '../../context.js';
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
  });
  return [{ path: `module.${module.code}.php`, content }];
};
