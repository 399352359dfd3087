import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { generateExtension } from '../../generator/generate.js';
import { ITOP_32 } from '../../generator/targets/target.js';
import { cloneInputs, projectInputs, textOf } from '../support/project.js';

/** Every character sequence that could end a string or a section early in PHP or XML. */
export const NASTY = `it's "quoted" \\ back ?> <?php ]]> <tag> & &amp; $this->x$ %1$s\nsecond line: éàü ✓ 漢字`;

describe('model strings never break out of the XML they are written into', async () => {
  const inputs = cloneInputs(await projectInputs(ITOP_32));
  inputs.model.module.label = NASTY;
  inputs.model.module.description = NASTY;
  const profile = inputs.model.userRights.profiles.find((p) => !p.existing);
  if (profile && !profile.existing) profile.description = NASTY;
  const files = generateExtension(inputs, ITOP_32);
  const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false, trimValues: false, processEntities: true, htmlEntities: false });
  const file = (name: string) => textOf(files.find((f) => f.path === name)?.content ?? '');

  it('extension.xml: label and description read back unchanged', () => {
    const xml = parser.parse(file('br-medicaldevice/extension.xml'));
    expect(xml.extension.label).toBe(NASTY);
    expect(xml.extension.description).toBe(NASTY);
  });

  it('datamodel: a profile description reads back unchanged and the document stays well-formed', () => {
    const xml = parser.parse(file('br-medicaldevice/datamodel.br-medicaldevice.xml'));
    const profiles = [xml.itop_design.user_rights.profiles.profile].flat() as { '@_id': string; description?: string }[];
    expect(profiles.find((p) => p['@_id'] === String(profile?.id))?.description).toBe(NASTY);
  });

  it('the module file never contains the sequences iTop strips before eval', () => {
    const php = file('br-medicaldevice/module.br-medicaldevice.php');
    expect(php.slice('<?php'.length)).not.toContain('?>');
    expect(php.slice('<?php'.length)).not.toContain('<?php');
  });
});
