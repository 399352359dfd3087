import { Type, type Static } from '@sinclair/typebox';
import { discriminatedUnion } from './union.js';
import { AttributeCode, Identifier, LocalizedText } from './text.js';

const common = {
  code: AttributeCode,
  label: LocalizedText,
  help: Type.Optional(LocalizedText),
};

/** Mandatory = `is_null_allowed=false` in iTop: the form and every write path demand a value. */
const mandatory = { mandatory: Type.Boolean() };

export const StringField = Type.Object(
  { ...common, ...mandatory, type: Type.Literal('string'), default: Type.Optional(Type.String()) },
  { additionalProperties: false },
);
export const TextField = Type.Object(
  { ...common, ...mandatory, type: Type.Literal('text') },
  { additionalProperties: false },
);
export const IntegerField = Type.Object(
  { ...common, ...mandatory, type: Type.Literal('integer'), default: Type.Optional(Type.Integer()) },
  { additionalProperties: false },
);
export const IpAddressField = Type.Object(
  { ...common, ...mandatory, type: Type.Literal('ipAddress') },
  { additionalProperties: false },
);
export const UrlField = Type.Object(
  { ...common, ...mandatory, type: Type.Literal('url') },
  { additionalProperties: false },
);

/** An uploaded picture (iTop `AttributeImage`): shown at most display×, stored downscaled to at most storage×. */
export const ImageField = Type.Object(
  {
    ...common,
    ...mandatory,
    type: Type.Literal('image'),
    display: Type.Object({ width: Type.Integer({ minimum: 16 }), height: Type.Integer({ minimum: 16 }) }, { additionalProperties: false }),
    storage: Type.Object({ width: Type.Integer({ minimum: 16 }), height: Type.Integer({ minimum: 16 }) }, { additionalProperties: false }),
  },
  { additionalProperties: false },
);

export const EnumValue = Type.Object(
  {
    code: Type.String({ pattern: '^[A-Za-z0-9_]+$', description: 'an enum code (letters, digits, _)' }),
    label: LocalizedText,
    help: Type.Optional(LocalizedText),
    /** iTop 3.x badge colours (SCSS values), used for lifecycle-like enums. */
    style: Type.Optional(Type.Object({ mainColor: Type.String(), complementaryColor: Type.String() }, { additionalProperties: false })),
  },
  { additionalProperties: false },
);
export type EnumValue = Static<typeof EnumValue>;

export const EnumField = Type.Object(
  {
    ...common,
    ...mandatory,
    type: Type.Literal('enum'),
    values: Type.Array(EnumValue, { minItems: 1 }),
    default: Type.Optional(Type.String()),
    displayStyle: Type.Optional(Type.Union([Type.Literal('list'), Type.Literal('select'), Type.Literal('radio_horizontal'), Type.Literal('radio_vertical')])),
  },
  { additionalProperties: false },
);

export const OnTargetDelete = Type.Union([Type.Literal('DEL_MANUAL'), Type.Literal('DEL_AUTO'), Type.Literal('DEL_SILENT')]);

export const ExternalKeyField = Type.Object(
  {
    ...common,
    ...mandatory,
    type: Type.Literal('externalKey'),
    target: Identifier,
    onTargetDelete: OnTargetDelete,
    /** OQL restricting the values offered; `:this->x` placeholders must be listed in dependencies. */
    filter: Type.Optional(Type.String({ minLength: 1 })),
    dependencies: Type.Optional(Type.Array(AttributeCode)),
  },
  { additionalProperties: false },
);

export const ExternalField = Type.Object(
  { ...common, type: Type.Literal('externalField'), externalKey: AttributeCode, targetAttribute: AttributeCode },
  { additionalProperties: false },
);

export const LinkedSetField = Type.Object(
  {
    ...common,
    type: Type.Literal('linkedSet'),
    linkedClass: Identifier,
    externalKeyToMe: AttributeCode,
    editMode: Type.Union([Type.Literal('none'), Type.Literal('add_only'), Type.Literal('actions'), Type.Literal('in_place'), Type.Literal('add_remove')]),
    dependencies: Type.Optional(Type.Array(AttributeCode)),
  },
  { additionalProperties: false },
);

export const Field = discriminatedUnion('type', [
  StringField,
  TextField,
  IntegerField,
  IpAddressField,
  UrlField,
  ImageField,
  EnumField,
  ExternalKeyField,
  ExternalField,
  LinkedSetField,
]);
export type Field = Static<typeof Field>;
export type FieldType = Field['type'];
export type EnumField = Static<typeof EnumField>;
export type ExternalKeyField = Static<typeof ExternalKeyField>;
export type ExternalField = Static<typeof ExternalField>;
export type LinkedSetField = Static<typeof LinkedSetField>;
