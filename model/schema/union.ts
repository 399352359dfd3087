import { Type, type Static, type TObject } from '@sinclair/typebox';

/**
 * A union told apart by one literal property (`type`, `kind`). Emitted as `oneOf` + `discriminator`
 * so ajv reports the errors of the one matching branch instead of every branch's.
 */
export function discriminatedUnion<T extends TObject[]>(propertyName: string, schemas: [...T]) {
  return Type.Unsafe<Static<T[number]>>({ oneOf: schemas, discriminator: { propertyName } });
}
