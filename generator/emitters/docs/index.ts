import type { Emitter } from '../../context.js';
import { emitDicomDoc } from './emit-dicom-doc.js';
import { emitSchemaChangesDoc } from './emit-schema-changes-doc.js';

/** Emitters of the generated documentation (written to docs/generated/, not shipped in the extension). */
export const DOCS_EMITTERS: Record<string, Emitter> = {
  dicom: emitDicomDoc,
  schemaChanges: emitSchemaChangesDoc,
};
