import Handlebars from 'handlebars';
import { ITOP_LANGUAGES, LANGUAGES } from '../../../model/schema/text.js';
import type { Emitter } from '../../context.js';
import { phpString } from '../../php/php-string.js';

/** One `<lang>.dict.<code>.php` per language, all from the same entry list (so their keys are identical). */
export const emitDictionaries: Emitter = (ctx) => {
  const template = Handlebars.compile(ctx.templates['dictionary.php.hbs'] ?? '', { noEscape: true, strict: true });
  const code = ctx.ir.model.module.code;
  return LANGUAGES.map((language) => {
    const itop = ITOP_LANGUAGES[language];
    const content = template({
      englishName: itop.english,
      moduleCode: code,
      version: ctx.release.version,
      languageCode: phpString(itop.code),
      englishName_: phpString(itop.english),
      nativeName_: phpString(itop.native),
      entries: ctx.ir.dictionary.map((entry) => ({ key: phpString(entry.key), value: phpString(entry.text[language]) })),
    });
    return { path: `${ctx.target.dictionaryFolder}${language}.dict.${code}.php`, content };
  });
};
