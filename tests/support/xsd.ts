import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { ROOT } from './project.js';

/** The environment variable naming the folder of the community XSDs (outside the repository; .ci/run sets it). */
export const XSD_DIR_VARIABLE = 'BR_MEDICALDEVICE_XSD_DIR';

/** The folder of the community XSDs (relative paths from the repository root), or undefined when not given. */
export const XSD_DIR: string | undefined = process.env[XSD_DIR_VARIABLE] ? path.resolve(ROOT, process.env[XSD_DIR_VARIABLE]) : undefined;

/** Why the XSD tests are skipped when XSD_DIR is not given. */
export const XSD_SKIP_REASON = `${XSD_DIR_VARIABLE} is not set: the community XSDs are not part of the repository (.ci/run sets it to ../shared/xsd when that folder exists)`;

/** Validates an XML text against one of the community XSDs in XSD_DIR; returns libxml's error lines. */
export async function xsdErrors(xml: string, schemaFile: string): Promise<string[]> {
  if (!XSD_DIR) throw new Error(XSD_SKIP_REASON);
  const schema = await readFile(path.join(XSD_DIR, schemaFile), 'utf8');
  const result = await validateXML({
    xml: [{ fileName: 'generated.xml', contents: xml }],
    schema: [{ fileName: schemaFile, contents: schema }],
    initialMemoryPages: 512,
  });
  return result.valid ? [] : result.errors.map((error) => error.rawMessage);
}
