import { Type, type Static } from '@sinclair/typebox';
import { Identifier, LocalizedText } from './text.js';

export const Action = Type.Union([
  Type.Literal('read'),
  Type.Literal('bulk read'),
  Type.Literal('write'),
  Type.Literal('bulk write'),
  Type.Literal('delete'),
  Type.Literal('bulk delete'),
]);
export type Action = Static<typeof Action>;

export const RightsGroup = Type.Object(
  { id: Identifier, classes: Type.Array(Identifier, { minItems: 1 }) },
  { additionalProperties: false },
);

export const ProfileGrant = Type.Object(
  { group: Identifier, actions: Type.Array(Action, { minItems: 1 }) },
  { additionalProperties: false },
);

/** A profile iTop already has (by its numeric id), extended with grants on our groups. */
export const ExistingProfile = Type.Object(
  { id: Type.Integer({ minimum: 1 }), existing: Type.Literal(true), note: Type.String(), grants: Type.Array(ProfileGrant, { minItems: 1 }) },
  { additionalProperties: false },
);
/** A profile the extension defines. */
export const NewProfile = Type.Object(
  {
    id: Type.Integer({ minimum: 1 }),
    existing: Type.Literal(false),
    name: Type.String({ minLength: 1 }),
    description: Type.String({ minLength: 1 }),
    grants: Type.Array(ProfileGrant, { minItems: 1 }),
  },
  { additionalProperties: false },
);

export const UserRights = Type.Object(
  { groups: Type.Array(RightsGroup, { minItems: 1 }), profiles: Type.Array(Type.Union([ExistingProfile, NewProfile]), { minItems: 1 }) },
  { additionalProperties: false },
);
export type UserRights = Static<typeof UserRights>;
export const ProfileLabel = LocalizedText;
