import { LANGUAGES, type LocalizedText, type ModelDefinition } from './schema/model.js';

/** One string per language of LANGUAGES, in its order: a missing translation is a type error at the call. */
type StringPer<T extends readonly unknown[]> = { -readonly [I in keyof T]: string };
export type Texts = StringPer<typeof LANGUAGES>;

/** Identity function that gives the editor the model's type: a wrong attribute type is caught while typing. */
export function defineModel(model: ModelDefinition): ModelDefinition {
  return model;
}

/** A text in every language of the model, in the order of LANGUAGES (en, de, fr…). */
export function t(...texts: Texts): LocalizedText {
  return Object.fromEntries(LANGUAGES.map((language, i) => [language, texts[i]])) as LocalizedText;
}
