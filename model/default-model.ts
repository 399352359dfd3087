/** The model file the project ships; everything is generated from it. No imports: the CLI reads it without loading ajv. */
export const DEFAULT_MODEL_FILE = 'model/br-medicaldevice/index.ts';
