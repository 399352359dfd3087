import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { generateExtension, generateModule } from '../../generator/generate.js';
import { ITOP_27, ITOP_31, ITOP_32, TARGETS } from '../../generator/targets/target.js';
import { projectInputs, textOf } from '../support/project.js';

async function filesOf(target: (typeof TARGETS)[keyof typeof TARGETS]) {
  const files = generateModule(await projectInputs(target), target);
  return (path: string) => {
    const file = files.find((f) => f.path === path);
    if (!file) throw new Error(`${path} not generated for iTop ${target.id}`);
    return textOf(file.content);
  };
}

describe('one model, several iTop versions', () => {
  it.each(Object.values(TARGETS))('iTop $id: the datamodel is well-formed XML whose root version is the format that iTop reads', async (target) => {
    const xml = (await filesOf(target))('datamodel.br-medicaldevice.xml');
    expect(XMLValidator.validate(xml)).toBe(true);
    const root = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(xml).itop_design;
    expect(root['@version']).toBe(target.designVersion);
  });

  it.each(Object.values(TARGETS))('iTop $id: module dependencies and extension.xml name the same minimum iTop version', async (target) => {
    const file = await filesOf(target);
    expect(file('module.br-medicaldevice.php')).toContain(`'itop-config-mgmt/${target.itopVersionMin}'`);
    const extensionXml = generateExtension(await projectInputs(target), target).find((f) => f.path === 'br-medicaldevice/extension.xml');
    expect(textOf(extensionXml?.content ?? '')).toContain(`<itop_version_min>${target.itopVersionMin}</itop_version_min>`);
  });

  it('3.1 and 3.2 share the generated governance PHP and its event-listener glue byte for byte', async () => {
    const [f31, f32] = [await filesOf(ITOP_31), await filesOf(ITOP_32)];
    expect(f31('src/BrMedicaldeviceGovernance.php')).toBe(f32('src/BrMedicaldeviceGovernance.php'));
    const listeners = (xml: string) => xml.match(/<event_listeners>[\s\S]*?<\/event_listeners>/g);
    expect(listeners(f31('datamodel.br-medicaldevice.xml'))).toEqual(listeners(f32('datamodel.br-medicaldevice.xml')));
    expect(listeners(f32('datamodel.br-medicaldevice.xml'))).toHaveLength(2);
  });

  it('2.7 hooks the checks into DoCheckToWrite, never into the 3.1+ event, and writes 1.7 syntax', async () => {
    const xml = (await filesOf(ITOP_27))('datamodel.br-medicaldevice.xml');
    expect(xml).not.toContain('<event_listeners>');
    expect(xml).not.toContain('AddCheckIssue');
    expect(xml.match(/parent::DoCheckToWrite\(\);/g)).toHaveLength(2);
    expect(xml).toContain('<value id="SCU">SCU</value>');
    expect(xml).not.toContain('<fields_semantic>');
    expect(xml).toContain('<icon>images/dicom-ae.svg</icon>');
    expect(xml).not.toContain('<style>\n          <icon>');
  });

  it('2.7 ships dictionaries at the module root and the model placeholder it lists in datamodel', async () => {
    const file = await filesOf(ITOP_27);
    expect(file('en.dict.br-medicaldevice.php')).toContain("Dict::Add('EN US'");
    expect(file('model.br-medicaldevice.php')).toContain('Placeholder');
    expect(file('module.br-medicaldevice.php')).toMatch(/'datamodel' => array\(\s*'model\.br-medicaldevice\.php',\s*'src\/BrMedicaldeviceGovernance\.php',/);
  });

  it('every target documents what it cannot express instead of dropping it silently', () => {
    expect(ITOP_32.downgrades).toEqual([]);
    expect(ITOP_27.downgrades.length).toBeGreaterThan(0);
  });
});
