import { describe, expect, it } from 'vitest';
import { buildContext, generateModule } from '../../generator/generate.js';
import type { GeneratorInputs } from '../../generator/inputs.js';
import { TARGETS, type Target } from '../../generator/targets/target.js';
import { validateModel } from '../../model/load/load-model.js';
import type { LocalizedText, ModelDefinition } from '../../model/schema/model.js';
import { ITOP_LANGUAGES, LANGUAGES, type Language } from '../../model/schema/text.js';
import type { PhpVersion } from '../support/php-runner.js';
import { cloneInputs, projectInputs } from '../support/project.js';
import { isDictionaryFile, loadDictionaries, type DictAddCall } from './php-dictionaries.js';

const PHP_VERSIONS: PhpVersion[] = ['8.3', '7.4'];

/**
 * Loads the target's generated dictionaries with real PHP, both as a plain `include` and the way iTop's
 * setup reads them, and checks that every Dict::Add received exactly the IR's keys and values, in order.
 */
async function expectDictionariesEqualIR(inputs: GeneratorInputs, target: Target, version: PhpVersion): Promise<Map<Language, Map<string, string>>> {
  const ir = buildContext(inputs, target).ir;
  const files = generateModule(inputs, target).filter((f) => isDictionaryFile(f, inputs.model.module.code));
  expect(files).toHaveLength(LANGUAGES.length);
  const loaded = await loadDictionaries(files, version);
  const read = new Map<Language, Map<string, string>>();
  for (const [path, { included, setup }] of Object.entries(loaded)) {
    const language = LANGUAGES.find((l) => path.split('/').pop()!.startsWith(`${l}.dict.`));
    expect(language, path).toBeDefined();
    const itop = ITOP_LANGUAGES[language!];
    const expected: DictAddCall[] = [
      { language: itop.code, english: itop.english, native: itop.native, entries: ir.dictionary.map((e) => [e.key, e.text[language!]]) },
    ];
    expect(setup, `${path} read by iTop's setup`).toEqual(expected);
    expect(included, `${path} included by PHP`).toEqual(expected);
    read.set(language!, new Map(setup[0]!.entries));
  }
  return read;
}

describe.each(Object.values(TARGETS))('generated dictionaries, iTop $id, read by real PHP', async (target) => {
  const inputs = await projectInputs(target);

  it.each(PHP_VERSIONS)('PHP %s reads back every key and value of the IR, in every language', async (version) => {
    const read = await expectDictionariesEqualIR(inputs, target, version);
    expect([...read.keys()].sort()).toEqual([...LANGUAGES].sort());
  });
});

/** Texts that break a naive PHP string, iTop's text surgery on dictionary files, XML, HTML or JSON. */
const HOSTILE = [
  "it's",
  'say "hi"',
  'back\\slash',
  'trailing backslash \\',
  "escaped quote \\'",
  'close ?> tag',
  'open <?php tag',
  'short <? tag',
  'question?>',
  'cdata ]]> end',
  'less < than & amp &amp;',
  '$this->org_name$ placeholder',
  '{$x} and ${x} and $x',
  'Dict::Add inside',
  'percent 100% %s',
  'line one\nline two',
  'crlf\r\nline',
  'tab\there',
  'Größe – Übersicht, réseau élevé, 日本語, 🩻',
];

/** One hostile text per language, different in each, so that a language mix-up shows too. */
function hostile(i: number): LocalizedText {
  const text = HOSTILE[i % HOSTILE.length]!;
  return perLanguage((language) => `${text} (${language})`);
}

function perLanguage(text: (language: Language) => string): LocalizedText {
  return Object.fromEntries(LANGUAGES.map((language) => [language, text(language)])) as LocalizedText;
}

/** A copy of the project model whose labels, help texts, enum values, menus, fieldsets and messages are hostile. */
function hostileModel(model: ModelDefinition): ModelDefinition {
  let i = 0;
  const next = () => hostile(i++);
  const suffix = (text: LocalizedText): LocalizedText => {
    // Braces in a message are its placeholders: the hostile part appended to one must not contain any.
    let h = next();
    while (h.en.includes('{')) h = next();
    return perLanguage((language) => `${text[language]} ${h[language]}`);
  };
  for (const cls of model.classes) {
    cls.label = next();
    cls.description = next();
    for (const field of cls.fields) {
      field.label = next();
      field.help = next();
      if (field.type === 'enum') for (const value of field.values) Object.assign(value, { label: next(), help: next() });
    }
    for (const entry of cls.presentation.details) if (typeof entry !== 'string') for (const fieldset of entry.fieldsets) fieldset.label = next();
  }
  for (const menu of model.menus) Object.assign(menu, { label: next(), help: next() });
  // Messages keep their {placeholders}; the hostile part is appended.
  for (const rule of model.rules) {
    rule.summary = suffix(rule.summary);
    rule.message = suffix(rule.message);
    // The model refuses '$this->' in uniqueness messages (iTop would read it as its own placeholder).
    if (rule.check.kind === 'unique-together') rule.message = perLanguage((language) => rule.message[language].replaceAll('$this->', '$that->'));
    if (rule.check.kind === 'referenced-value-not-in') rule.check.protectReferencedSide.message = suffix(rule.check.protectReferencedSide.message);
  }
  return validateModel(model, 'hostile copy of the project model');
}

describe('hostile model texts arrive in iTop unchanged', async () => {
  const target = TARGETS['3.2'];
  const inputs = cloneInputs(await projectInputs(target));
  inputs.model = hostileModel(inputs.model);

  it('uses every hostile text', () => {
    const all = JSON.stringify(inputs.model);
    for (const text of HOSTILE) expect(all).toContain(JSON.stringify(text).slice(1, -1));
  });

  it.each(PHP_VERSIONS)('PHP %s reads back every key and value of the IR, in every language', async (version) => {
    const read = await expectDictionariesEqualIR(inputs, target, version);
    // And the IR is the model's own text: a label reaches iTop byte for byte.
    for (const language of LANGUAGES) {
      for (const cls of inputs.model.classes) {
        expect(read.get(language)?.get(`Class:${cls.name}`)).toBe(cls.label[language]);
        for (const field of cls.fields) expect(read.get(language)?.get(`Class:${cls.name}/Attribute:${field.code}`)).toBe(field.label[language]);
      }
      for (const menu of inputs.model.menus) expect(read.get(language)?.get(`Menu:${menu.id}`)).toBe(menu.label[language]);
    }
  });
});
