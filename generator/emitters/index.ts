import type { Emitter } from '../context.js';
import { emitDatamodel } from './datamodel/emit-datamodel.js';
import { emitDictionaries } from './dictionary/emit-dictionaries.js';
import { emitExtensionXml } from './extension/emit-extension-xml.js';
import { emitImages } from './images/emit-images.js';
import { emitModule } from './module/emit-module.js';

/** Every emitter of the extension folder, each a pure function of the context. */
export const EXTENSION_EMITTERS: Record<string, Emitter> = {
  module: emitModule,
  datamodel: emitDatamodel,
  dictionaries: emitDictionaries,
  extension: emitExtensionXml,
  images: emitImages,
};
