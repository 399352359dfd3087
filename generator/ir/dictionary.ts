import { LANGUAGES, type ClassDefinition, type LocalizedText, type ModelDefinition } from '../../model/schema/model.js';
import { toDictFormat, toTemplateString, type PlannedRule } from '../../governance/plan.js';

/** One dictionary key with its text in every language. */
export interface DictionaryEntry {
  key: string;
  text: LocalizedText;
}

/**
 * Every dictionary key the extension uses, in a stable order (class by class, then menus, then
 * rules). All language files are rendered from this one list, so their key sets cannot drift.
 */
export function buildDictionary(model: ModelDefinition, governance: PlannedRule[]): DictionaryEntry[] {
  const entries: DictionaryEntry[] = [];
  const add = (key: string, text: LocalizedText | undefined) => {
    if (text) entries.push({ key, text });
  };
  for (const cls of model.classes) addClass(cls, add);
  for (const menu of model.menus) {
    add(`Menu:${menu.id}`, menu.label);
    add(`Menu:${menu.id}+`, menu.help);
    if (menu.type !== 'dashboard') continue;
    for (const dashlet of menu.cells.flat()) if (dashlet.type !== 'badge') add(dashletTitleKey(menu.id, dashlet.id), dashlet.title);
  }
  for (const rule of governance) {
    const transform = rule.enforcement === 'native-uniqueness' ? toTemplateString : (m: string) => toDictFormat(m, rule.placeholders);
    add(rule.messageKey, mapText(rule.message, transform));
    if (rule.enforcement === 'native-uniqueness') add(`${rule.messageKey}+`, rule.summary);
  }
  return entries;
}

type Add = (key: string, text: LocalizedText | undefined) => void;

function addClass(cls: ClassDefinition, add: Add): void {
  const c = `Class:${cls.name}`;
  add(c, cls.label);
  add(`${c}+`, cls.description);
  if (cls.naming.format) add(`${c}/Name`, cls.naming.format);
  if (cls.naming.complementaryFormat) add(`${c}/ComplementaryName`, cls.naming.complementaryFormat);
  for (const field of cls.fields) {
    const a = `${c}/Attribute:${field.code}`;
    add(a, field.label);
    add(`${a}+`, field.help);
    if (field.type === 'enum') {
      for (const value of field.values) {
        add(`${a}/Value:${value.code}`, value.label);
        add(`${a}/Value:${value.code}+`, value.help);
      }
    }
  }
  for (const rule of cls.uniquenessRules ?? []) add(`${c}/UniquenessRule:${rule.id}`, rule.message);
  for (const entry of cls.presentation.details) {
    if (typeof entry === 'string') continue;
    for (const fieldset of entry.fieldsets) add(fieldsetKey(cls.name, fieldset.id), fieldset.label);
  }
}

/** Dictionary key of a dashlet's title: iTop translates a dashlet title that is a dictionary key. */
export function dashletTitleKey(menuId: string, dashletId: string): string {
  return `Menu:${menuId}:${dashletId}`;
}

/** Dictionary key of a fieldset legend; also the id of its `fieldset:` item in the details zlist. */
export function fieldsetKey(className: string, fieldsetId: string): string {
  return `${className}:${fieldsetId}`;
}

function mapText(text: LocalizedText, transform: (s: string) => string): LocalizedText {
  return Object.fromEntries(LANGUAGES.map((language) => [language, transform(text[language])])) as LocalizedText;
}
