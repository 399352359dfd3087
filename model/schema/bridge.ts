import { Type, type Static } from '@sinclair/typebox';
import { ExternalField, ExternalKeyField } from './field.js';
import { AttributeCode, Identifier, LocalizedText } from './text.js';

/**
 * A second module of the extension that ties one of our classes to another extension (TeemIp's IP
 * addresses): iTop's setup selects it by itself where `whenModule` is installed, and it stays absent
 * elsewhere. Its fields point at classes of that extension, which a vanilla iTop does not have.
 */
export const BridgeModule = Type.Object(
  {
    code: Type.String({ pattern: '^[a-z][a-z0-9-]*$', description: 'a module code (lower case, digits, -)' }),
    /** Shown by iTop's setup wizard, which is not localized. */
    label: Type.String({ minLength: 1 }),
    /** The module of the other extension whose installation selects this one (`auto_select`). */
    whenModule: Type.String({ pattern: '^[a-z][a-z0-9-]*$' }),
    /** Classes of the other extension the fields point at, with the attributes they use. */
    foreignClasses: Type.Record(Identifier, Type.Array(AttributeCode, { minItems: 1 })),
    /** The class of ours the fields are added to. */
    class: Identifier,
    fields: Type.Array(Type.Union([ExternalKeyField, ExternalField]), { minItems: 1 }),
    /**
     * Keeps a plain field of ours equal to an attribute of the object the bridge key points at, on every
     * write, so the governance rules (and everything else) read one field whether the bridge is there or not.
     */
    mirror: Type.Object(
      {
        key: AttributeCode,
        /** Attribute of the pointed object, read from whichever of its subclasses has it. */
        attribute: AttributeCode,
        into: AttributeCode,
      },
      { additionalProperties: false },
    ),
    /** The form shows the bridge key right before this attribute of ours; lists and search get it too. */
    showBefore: AttributeCode,
    description: LocalizedText,
  },
  { additionalProperties: false },
);
export type BridgeModule = Static<typeof BridgeModule>;
