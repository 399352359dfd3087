import { Type, type Static } from '@sinclair/typebox';

/** Languages every text of the model is written in; English is the reference language of iTop. */
export const LANGUAGES = ['en', 'de', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

/** iTop's own language codes and names, as core dictionaries declare them (`Dict::Add` arguments). */
export const ITOP_LANGUAGES: Record<Language, { code: string; english: string; native: string }> = {
  en: { code: 'EN US', english: 'English', native: 'English' },
  de: { code: 'DE DE', english: 'German', native: 'Deutsch' },
  fr: { code: 'FR FR', english: 'French', native: 'Français' },
};

/**
 * iTop's compiler deletes '~~' and '~*' (its "to translate" markers) from dictionary values, and XML 1.0
 * cannot carry control characters other than tab and line breaks, so neither may appear.
 */
const NonEmpty = Type.String({
  minLength: 1,
  pattern: '^(?![\\s\\S]*~[~*])[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F]+$',
  description: "a non-empty text without control characters and without iTop's '~~' or '~*' markers",
});

/** A text shown to users, written in every language of LANGUAGES. */
export const LocalizedText = Type.Object(
  Object.fromEntries(LANGUAGES.map((language) => [language, NonEmpty])) as { [L in Language]: typeof NonEmpty },
  { additionalProperties: false, description: `a text in every language: { ${LANGUAGES.join(', ')} }` },
);
export type LocalizedText = Static<typeof LocalizedText>;

/** Identifier of an iTop class, attribute, menu or rule: letters, digits, underscore. */
export const Identifier = Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_]*$', description: 'an identifier (letters, digits, _)' });
export const AttributeCode = Type.String({ pattern: '^[a-z][a-z0-9_]*$', description: 'an attribute code (lower case letters, digits, _)' });
