import type { LocalizedText, ModelDefinition } from './schema/model.js';

/** Identity function that gives the editor the model's type: a wrong attribute type is caught while typing. */
export function defineModel(model: ModelDefinition): ModelDefinition {
  return model;
}

/** A text in every language of the model, in the order en, de, fr. */
export function t(en: string, de: string, fr: string): LocalizedText {
  return { en, de, fr };
}
