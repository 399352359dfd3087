import { Type, type Static } from '@sinclair/typebox';
import { discriminatedUnion } from './union.js';
import { Identifier, LocalizedText } from './text.js';

const common = {
  id: Identifier,
  rank: Type.Number(),
  label: LocalizedText,
  help: Type.Optional(LocalizedText),
};

export const MenuGroup = Type.Object(
  { ...common, type: Type.Literal('group'), enableClass: Identifier, decorationClasses: Type.String() },
  { additionalProperties: false },
);
/** A heading in the left menu that groups the entries below it. */
export const MenuSection = Type.Object(
  { ...common, type: Type.Literal('section'), parent: Identifier },
  { additionalProperties: false },
);
/** A searchable list of a class. */
export const MenuClassList = Type.Object(
  { ...common, type: Type.Literal('class-list'), parent: Identifier, class: Identifier },
  { additionalProperties: false },
);

export const MenuDefinition = discriminatedUnion('type', [MenuGroup, MenuSection, MenuClassList]);
export type MenuDefinition = Static<typeof MenuDefinition>;
