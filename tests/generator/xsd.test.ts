import { describe, expect, it } from 'vitest';
import { generateExtension } from '../../generator/generate.js';
import { ITOP_32 } from '../../generator/targets/target.js';
import { projectInputs, textOf } from '../support/project.js';
import { xsdErrors } from '../support/xsd.js';

describe('generated XML against the community XSDs (a necessary check; iTop setup is the judge)', async () => {
  const files = generateExtension(await projectInputs(ITOP_32), ITOP_32);
  const file = (name: string) => textOf(files.find((f) => f.path === name)?.content ?? '');

  it('datamodel validates against itop_design-3.2.xsd', async () => {
    expect(await xsdErrors(file('br-medicaldevice/datamodel.br-medicaldevice.xml'), 'itop_design-3.2.xsd')).toEqual([]);
  });

  it('extension.xml validates against extension.xsd', async () => {
    // The community XSD does not declare the type="array" that iTop's own parser needs on <modules>
    // (setup/parameters.class.inc.php@3.2.0:165-200); iTop is the judge, so the XSD sees the file without it.
    expect(file('extension.xml')).toContain('<modules type="array">');
    expect(await xsdErrors(file('extension.xml').replace('<modules type="array">', '<modules>'), 'extension.xsd')).toEqual([]);
  });

  it('the XSD check can fail: a misspelt element is reported', async () => {
    const broken = file('br-medicaldevice/datamodel.br-medicaldevice.xml').replace('<db_table>', '<db_tabel>').replace('</db_table>', '</db_tabel>');
    expect(await xsdErrors(broken, 'itop_design-3.2.xsd')).not.toEqual([]);
  });
});
