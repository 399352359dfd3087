import { Type, type Static } from '@sinclair/typebox';
import { AttributeCode, Identifier } from './text.js';

/**
 * What an upgrade from the hand-written extension (every version below `below`) must do once, in the
 * module's installer, so that every object and value is kept: new mandatory fields get their default where
 * the old rows have none, and each bridge's mirrored field is filled from the key the old version stored.
 */
export const SuccessorOf = Type.Object(
  {
    below: Type.String({ pattern: '^\\d+\\.\\d+\\.\\d+$', description: 'a version x.y.z' }),
    /** Fields the old version did not have, set to their model default in the old rows. */
    newFieldsWithDefaults: Type.Array(Type.Object({ class: Identifier, field: AttributeCode }, { additionalProperties: false })),
  },
  { additionalProperties: false },
);
export type SuccessorOf = Static<typeof SuccessorOf>;
