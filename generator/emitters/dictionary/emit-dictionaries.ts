import Handlebars from 'handlebars';
import { ITOP_LANGUAGES, LANGUAGES } from '../../../model/schema/text.js';
import type { Emitter, GeneratedFile, GeneratorContext } from '../../context.js';
import type { DictionaryEntry } from '../../ir/dictionary.js';
import { phpString } from '../../php/php-string.js';

/** One `<lang>.dict.<code>.php` per language of a module, all from one entry list (so their keys are identical). */
export function renderDictionaries(ctx: GeneratorContext, moduleCode: string, entries: DictionaryEntry[]): GeneratedFile[] {
  const template = Handlebars.compile(ctx.templates['dictionary.php.hbs'] ?? '', { noEscape: true, strict: true });
  return LANGUAGES.map((language) => {
    const itop = ITOP_LANGUAGES[language];
    const content = template({
      englishName: itop.english,
      moduleCode,
      version: ctx.release.version,
      languageCode: phpString(itop.code),
      englishName_: phpString(itop.english),
      nativeName_: phpString(itop.native),
      entries: entries.map((entry) => ({ key: phpString(entry.key), value: phpString(entry.text[language]) })),
    });
    return { path: `${ctx.target.dictionaryFolder}${language}.dict.${moduleCode}.php`, content };
  });
}

/** The main module's dictionaries. */
export const emitDictionaries: Emitter = (ctx) => renderDictionaries(ctx, ctx.ir.model.module.code, ctx.ir.dictionary);
