import { create } from 'xmlbuilder2';
import { afterAll, describe, expect, it } from 'vitest';
import { createXmlDocument, type XmlElement } from '../../generator/xml/xml-writer.js';
import { NASTY } from './injection.test.js';

/** What the emitters do with an element, applied to both builders. */
type Build = (node: XmlElement) => void;

function both(build: Build): { ours: string; reference: string } {
  const ours = createXmlDocument();
  build(ours.ele('root', { 'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance', version: '3.2' }));
  const reference = create({ version: '1.0', encoding: 'UTF-8' });
  // xmlbuilder2's builder has the same method names for the subset we use.
  build(reference.ele('root', { 'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance', version: '3.2' }) as unknown as XmlElement);
  return { ours: ours.end({ prettyPrint: true, indent: '  ' }), reference: reference.end({ prettyPrint: true, indent: '  ' }) };
}

const TEXTS = ['plain', '', ' spaced ', NASTY, 'a &amp; b & c &lt; &#13; &#xD; &name; &;', '<tag attr="x">', 'tab\there\r\nCRLF', '"quotes" \'single\''];

describe('our XML writer serializes exactly as xmlbuilder2 (the generated datamodel keeps its bytes)', () => {
  it.each<[string, Build]>([
    ['nested elements, empty ones, comments', (n) => {
      n.com(' header ');
      const a = n.ele('classes').ele('class', { id: 'A', _delta: 'define' });
      a.att('http://www.w3.org/2001/XMLSchema-instance', 'xsi:type', 'AttributeString');
      a.ele('empty');
      a.ele('db_final_class_field');
      a.ele('nested').ele('deeper').ele('deepest').txt('x');
    }],
    ['text of every kind', (n) => {
      for (const text of TEXTS) n.ele('value').txt(text);
    }],
    ['attributes of every kind', (n) => {
      TEXTS.forEach((text, i) => n.ele('item', { id: text, rank: String(i) }).att('_delta', text));
    }],
    ['CDATA, alone and after text', (n) => {
      n.ele('code').dat('\n\tpublic function X()\n\t{\n\t}\n');
      n.ele('mixed').txt('before').dat('inside ]] >');
    }],
  ])('%s', (_, build) => {
    const { ours, reference } = both(build);
    expect(ours).toBe(reference);
  });
});

describe('text written by leaf() reads back unchanged in PHP, as iTop reads the datamodel (DOM)', async () => {
  const { startPhp } = await import('../support/php-runner.js');
  const { leaf } = await import('../../generator/xml/xml.js');
  const php = await startPhp('8.3');
  afterAll(() => php.exit());

  it.each([NASTY, 'windows\r\nline ends\r', 'lone\rCR', 'entity-like &amp; &#13; &#xD; &lt;'])('%j', async (text) => {
    const doc = createXmlDocument();
    leaf(doc.ele('root'), 'value', text);
    const script = `<?php $oDoc = new DOMDocument(); $oDoc->loadXML(file_get_contents(__DIR__ . '/doc.xml')); echo base64_encode($oDoc->getElementsByTagName('value')->item(0)->textContent);`;
    const result = await php.run({ 'doc.xml': doc.end({ prettyPrint: true, indent: '  ' }), 'read.php': script }, 'read.php');
    expect(result.stderr).toBe('');
    expect(Buffer.from(result.stdout, 'base64').toString('utf8')).toBe(text);
  });
});
