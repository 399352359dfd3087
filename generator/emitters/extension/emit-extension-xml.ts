import { createXmlDocument } from '../../xml/xml-writer.js';
import type { Emitter, GeneratorContext } from '../../context.js';
import { leaf } from '../../xml/xml.js';

export interface ExtensionXmlSpec {
  code: string;
  label: string;
  description: string;
  modules: string[];
}

/**
 * An `extension.xml`, in the element order of the iTop Hub convention (ITOP-REFERENCE §2.5). iTop reads
 * values verbatim, whitespace included, so no value is padded.
 */
export function renderExtensionXml(ctx: GeneratorContext, spec: ExtensionXmlSpec): string {
  const { module } = ctx.ir.model;
  const doc = createXmlDocument();
  const root = doc.ele('extension', { format: '1.0' });
  const values: [string, string][] = [
    ['extension_code', spec.code],
    ['company', module.company],
    ['author', module.author],
    ['label', spec.label],
    ['description', spec.description],
    ['version', ctx.release.version],
  ];
  for (const [name, value] of values) leaf(root, name, value);
  // iTop's setup reads this file with XMLParameters, where repeated children need type="array"
  // (setup/parameters.class.inc.php@3.2.0:165-200: "duplicate tags 'module' inside hash 'modules'").
  const modules = root.ele('modules', { type: 'array' });
  for (const code of spec.modules) {
    const entry = modules.ele('module');
    leaf(entry, 'id', code);
    leaf(entry, 'version', ctx.release.version);
  }
  const tail: [string, string][] = [
    ['release_date', ctx.release.releaseDate],
    ['version_description', ''],
    ['itop_version_min', ctx.release.itopVersionMin],
    ['status', 'stable'],
    ['mandatory', 'false'],
    ['more_info_url', module.moreInfoUrl],
  ];
  for (const [name, value] of tail) leaf(root, name, value);
  return `${doc.end({ prettyPrint: true, indent: '  ' })}\n`;
}

/**
 * The extension's `extension.xml`, in the main module's folder (with the code 3.2.5 used, so setup sees an
 * upgrade). Not one level up: iTop would then give every module below it, the TeemIp bridge included, to this
 * extension and select them all with it (setup/extensionsmap.class.inc.php@3.2.0:260-360).
 */
export const emitExtensionXml: Emitter = (ctx) => {
  const { module } = ctx.ir.model;
  return [{ path: 'extension.xml', content: renderExtensionXml(ctx, { code: module.code, label: module.label, description: module.description, modules: [module.code] }) }];
};
