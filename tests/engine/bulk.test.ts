/**
 * The slot form of a write (checkWritten, what the bulk check uses) gives what validate() gives, on every shared
 * test vector; so does telling the engine which external keys hold objects just found in the context.
 */
import { describe, expect, it } from 'vitest';
import { createValidator, type StoredRecord } from '../../governance/engine/index.js';
import model from '../../model/br-medicaldevice/index.js';
import { contextOf, loadVectorFiles } from '../support/vectors.js';

const validator = createValidator(model);
const vectors = loadVectorFiles().flatMap((f) => f.vectors.map((vector) => ({ file: f.file, vector })));

describe('checkWritten', () => {
  it.each(vectors.map(({ file, vector }) => [`${file}: ${vector.name}`, vector] as const))('%s', (_name, vector) => {
    const write = vector.write;
    const attributes = validator.attributesOf(write.class);
    const written = attributes.map((code) => (Object.hasOwn(write.values, code) ? (write.values[code] ?? null) : undefined));
    const expected = validator.validate(write, contextOf(vector));
    const viaSlots = validator.checkWritten(write.class, write.op, write.id, written, contextOf(vector));
    expect(viaSlots.issues).toEqual(expected);

    // External keys whose object the context holds, marked as found: same issues, fewer lookups.
    const context = contextOf(vector);
    const fields = model.classes.find((c) => c.name === write.class)?.fields ?? [];
    const found = attributes.map((code, i) => {
      const field = fields.find((f) => f.code === code);
      const value = written[i];
      return field?.type === 'externalKey' && typeof value === 'number' && value > 0 && (vector.existing[field.target] ?? []).some((r: StoredRecord) => r.id === value);
    });
    expect(validator.checkWritten(write.class, write.op, write.id, written, context, { found }).issues).toEqual(expected);
  });
});
