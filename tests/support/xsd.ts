import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { SHARED } from './project.js';

/** Validates an XML text against one of the community XSDs in ../shared/xsd; returns libxml's error lines. */
export async function xsdErrors(xml: string, schemaFile: string): Promise<string[]> {
  const schema = await readFile(path.join(SHARED, 'xsd', schemaFile), 'utf8');
  const result = await validateXML({
    xml: [{ fileName: 'generated.xml', contents: xml }],
    schema: [{ fileName: schemaFile, contents: schema }],
    initialMemoryPages: 512,
  });
  return result.valid ? [] : result.errors.map((error) => error.rawMessage);
}
