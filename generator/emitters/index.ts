import type { Emitter } from '../context.js';
import { emitDatamodel } from './datamodel/emit-datamodel.js';
import { emitDictionaries } from './dictionary/emit-dictionaries.js';
import { emitExtensionXml } from './extension/emit-extension-xml.js';
import { emitGovernancePhp } from './governance/emit-governance-php.js';
import { emitImages } from './images/emit-images.js';
import { emitModelPlaceholder } from './module/emit-model-placeholder.js';
import { emitModule } from './module/emit-module.js';

/** Every emitter of the main module's folder, each a pure function of the context. */
export const MODULE_EMITTERS: Record<string, Emitter> = {
  module: emitModule,
  modelPlaceholder: emitModelPlaceholder,
  datamodel: emitDatamodel,
  dictionaries: emitDictionaries,
  governancePhp: emitGovernancePhp,
  images: emitImages,
  extension: emitExtensionXml,
};
