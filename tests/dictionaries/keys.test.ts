import { describe, expect, it } from 'vitest';
import type { GeneratedFile } from '../../generator/context.js';
import { generateModule } from '../../generator/generate.js';
import { DEFAULT_TARGET, TARGETS, type Target } from '../../generator/targets/target.js';
import { planGovernance } from '../../governance/plan.js';
import type { ModelDefinition } from '../../model/schema/model.js';
import { ITOP_LANGUAGES, LANGUAGES, type Language } from '../../model/schema/text.js';
import type { PhpVersion } from '../support/php-runner.js';
import { projectInputs, textOf } from '../support/project.js';
import { isDictionaryFile, loadDictionaries } from './php-dictionaries.js';
import { keysReferencedByDatamodel, keysReferencedByPhp, type KeyReference } from './referenced-keys.js';

/** The oldest PHP the target runs on that the test runtime has. */
function phpFor(target: Target): PhpVersion {
  return target.phpVersions.trim().startsWith('7') ? '7.4' : '8.3';
}

interface GeneratedDictionaries {
  model: ModelDefinition;
  files: GeneratedFile[];
  /** Keys and values as iTop's setup reads them, by model language. */
  byLanguage: Map<Language, Map<string, string>>;
  /** Dict::Add calls per file (iTop's setup reading). */
  calls: Map<string, { language: string; english: string; native: string }[]>;
}

async function generated(target: Target): Promise<GeneratedDictionaries> {
  const inputs = await projectInputs(target);
  const model = inputs.model;
  const files = generateModule(inputs, target);
  const dictionaries = files.filter((f) => isDictionaryFile(f, inputs.model.module.code));
  const loaded = await loadDictionaries(dictionaries, phpFor(target));
  const byLanguage = new Map<Language, Map<string, string>>();
  const calls = new Map<string, { language: string; english: string; native: string }[]>();
  for (const [file, { setup }] of Object.entries(loaded)) {
    calls.set(file, setup.map(({ language, english, native }) => ({ language, english, native })));
    for (const call of setup) {
      const language = LANGUAGES.find((l) => ITOP_LANGUAGES[l].code === call.language);
      if (!language) continue;
      const entries = byLanguage.get(language) ?? new Map<string, string>();
      for (const [key, value] of call.entries) entries.set(key, value);
      byLanguage.set(language, entries);
    }
  }
  return { model, files, byLanguage, calls };
}

function missing(references: KeyReference[], dictionary: Map<string, string> | undefined): string[] {
  return references.filter((r) => !dictionary?.has(r.key)).map((r) => `${r.key} (from ${r.from})`);
}

describe.each(Object.values(TARGETS))('dictionary keys, iTop $id', async (target) => {
  const { model, files, byLanguage, calls } = await generated(target);
  const english = byLanguage.get('en');
  const xml = files.find((f) => /^datamodel\.[^/]+\.xml$/.test(f.path));
  const datamodel = keysReferencedByDatamodel(xml ? textOf(xml.content) : '<itop_design/>');
  const phpFiles = files.filter((f) => f.path.endsWith('.php') && !calls.has(f.path));
  const phpReferences = [
    ...phpFiles.flatMap((f) => keysReferencedByPhp(textOf(f.content), f.path)),
    ...datamodel.phpCode.flatMap((m) => keysReferencedByPhp(m.code, m.from)),
  ];

  it('has one dictionary file per language, each one Dict::Add with iTop\'s language code and names', () => {
    expect(xml).toBeDefined();
    expect([...calls.keys()]).toHaveLength(LANGUAGES.length);
    for (const [file, fileCalls] of calls) {
      expect(fileCalls, file).toHaveLength(1);
      const language = LANGUAGES.find((l) => ITOP_LANGUAGES[l].code === fileCalls[0]!.language);
      expect(language, `${file}: language ${fileCalls[0]!.language}`).toBeDefined();
      expect(file.split('/').pop()!.startsWith(`${language}.dict.`), file).toBe(true);
      expect(fileCalls[0]).toEqual({ language: ITOP_LANGUAGES[language!].code, english: ITOP_LANGUAGES[language!].english, native: ITOP_LANGUAGES[language!].native });
    }
    expect([...byLanguage.keys()].sort()).toEqual([...LANGUAGES].sort());
  });

  it.each(LANGUAGES.filter((l) => l !== 'en'))('%s defines exactly the keys of English', (language) => {
    const keys = [...(byLanguage.get(language)?.keys() ?? [])];
    const reference = [...(english?.keys() ?? [])];
    expect(reference.length).toBeGreaterThan(0);
    expect(keys.filter((k) => !english?.has(k)), 'keys English does not have').toEqual([]);
    expect(reference.filter((k) => !byLanguage.get(language)?.has(k)), 'English keys missing').toEqual([]);
  });

  it('finds what the datamodel refers to (classes, attributes, enum values, menus, fieldsets, uniqueness rules)', () => {
    const kinds = ['Class:', '/Attribute:', '/Value:', 'Menu:', '/UniquenessRule:'];
    for (const kind of kinds) expect(datamodel.keys.some((r) => r.key.includes(kind)), kind).toBe(true);
    expect(datamodel.keys.some((r) => r.from.startsWith('<item id="fieldset:'))).toBe(true);
  });

  it.each(LANGUAGES)('%s has every key the datamodel XML refers to', (language) => {
    expect(missing(datamodel.keys, byLanguage.get(language))).toEqual([]);
  });

  it('scans every generated PHP file but the dictionaries: ' + phpFiles.map((f) => f.path).join(', '), () => {
    expect(phpFiles.some((f) => /^module\.[^/]+\.php$/.test(f.path))).toBe(true);
    // Rules enforced by generated PHP show their message through Dict: the scan must see those calls.
    const plan = planGovernance(model);
    if (plan.some((rule) => rule.enforcement === 'generated-php')) expect(phpReferences.length).toBeGreaterThan(0);
  });

  it.each(LANGUAGES)('%s has every Dict::S / Dict::Format key of the generated PHP', (language) => {
    expect(missing(phpReferences, byLanguage.get(language))).toEqual([]);
  });

  it.each(LANGUAGES)('%s has the message key of every rule of the governance plan', (language) => {
    const plan = planGovernance(model);
    expect(missing(plan.map((rule) => ({ key: rule.messageKey, from: rule.id })), byLanguage.get(language))).toEqual([]);
  });

  it.each(LANGUAGES)("%s has no value with iTop's '~~' or '~*' marker (the compiler would delete it)", (language) => {
    const marked = [...(byLanguage.get(language) ?? [])].filter(([, value]) => /~[~*]/.test(value));
    expect(marked).toEqual([]);
  });
});

/**
 * Rule of thumb for "is this translation an untranslated copy of the English?": English that contains a word
 * of four or more lower-case letters is prose and must be translated; English without one (codes and acronyms:
 * DICOM, SCU, PUSH, DICOM TLS, DICOMweb, Port, the sprintf format %1$s → %2$s) may stay identical.
 */
function mayStayIdentical(english: string): boolean {
  return !/\p{Ll}{4,}/u.test(english);
}

/**
 * Real words that a language spells exactly like English, checked by a translator (iTop's own dictionaries
 * use them too). A language without such words needs no entry.
 */
const SAME_WORD_IN: Partial<Record<Exclude<Language, 'en'>, string[]>> = {
  de: ['Status', 'SC – Secondary Capture'],
  fr: ['Dates', 'Description', 'Notes', 'Production', 'Microscope'],
};

describe('translations are not English copies', async () => {
  const { byLanguage } = await generated(TARGETS[DEFAULT_TARGET]);
  const english = byLanguage.get('en') ?? new Map<string, string>();
  const identical = (language: Language) => [...(byLanguage.get(language) ?? [])].filter(([key, value]) => english.get(key) === value);
  const others = LANGUAGES.filter((l): l is Exclude<Language, 'en'> => l !== 'en');

  it.each(others)('%s translates every English text that is more than codes', (language) => {
    const copies = identical(language).filter(([, value]) => !mayStayIdentical(value) && !(SAME_WORD_IN[language] ?? []).includes(value));
    expect(copies.map(([key, value]) => `${key} = ${JSON.stringify(value)}`)).toEqual([]);
  });

  // The values allowed to stay identical, listed by the rule itself (so a reviewer sees them in the test report).
  const allowed = others.flatMap((language) =>
    [...new Set(identical(language).map(([, value]) => value))].filter(mayStayIdentical).map((value) => [language, value] as const),
  );
  it.each(allowed)('%s: %j may stay identical (no word of 4+ lower-case letters)', (_, value) => {
    expect(mayStayIdentical(value)).toBe(true);
  });

  it.each(others)('%s: every listed same-word exception is a real word and still used', (language) => {
    const used = new Set(identical(language).map(([, value]) => value));
    for (const word of SAME_WORD_IN[language] ?? []) {
      expect(mayStayIdentical(word), `${word} needs no exception`).toBe(false);
      expect(used.has(word), `${word} is no longer identical: remove it from the list`).toBe(true);
    }
  });

  it('the rule of thumb tells codes from words', () => {
    for (const code of ['DICOM', 'SCU', 'PUSH', 'DICOM TLS', 'DICOMweb', '%1$s → %2$s', 'Port', 'BIDIR']) expect(mayStayIdentical(code), code).toBe(true);
    for (const word of ['Source sends data to target', 'Description', 'Status', 'Organization name']) expect(mayStayIdentical(word), word).toBe(false);
  });
});
