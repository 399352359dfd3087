import { create } from 'xmlbuilder2';
import type { Emitter } from '../../context.js';
import { leaf } from '../../xml/xml.js';

/**
 * `extension.xml`, in the element order of the iTop Hub convention (ITOP-REFERENCE §2.5). iTop reads
 * values verbatim, whitespace included, so no value is padded.
 */
export const emitExtensionXml: Emitter = (ctx) => {
  const { module } = ctx.ir.model;
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const root = doc.ele('extension', { format: '1.0' });
  const values: [string, string][] = [
    ['extension_code', module.code],
    ['company', module.company],
    ['author', module.author],
    ['label', module.label],
    ['description', module.description],
    ['version', ctx.release.version],
  ];
  for (const [name, value] of values) leaf(root, name, value);
  const modules = root.ele('modules').ele('module');
  leaf(modules, 'id', module.code);
  leaf(modules, 'version', ctx.release.version);
  const tail: [string, string][] = [
    ['release_date', ctx.release.releaseDate],
    ['version_description', ''],
    ['itop_version_min', ctx.release.itopVersionMin],
    ['status', 'stable'],
    ['mandatory', 'false'],
    ['more_info_url', module.moreInfoUrl],
  ];
  for (const [name, value] of tail) leaf(root, name, value);
  return [{ path: 'extension.xml', content: `${doc.end({ prettyPrint: true, indent: '  ' })}\n` }];
};
