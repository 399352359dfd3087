import { Type, type Static } from '@sinclair/typebox';
import { discriminatedUnion } from './union.js';
import { AttributeCode, Identifier, LocalizedText } from './text.js';

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

/** A count of a class's objects that opens its list (iTop `DashletBadge`). */
export const BadgeDashlet = Type.Object({ type: Type.Literal('badge'), class: Identifier }, { additionalProperties: false });
/** A heading inside a dashboard, with one of our images. */
export const HeaderDashlet = Type.Object(
  { type: Type.Literal('header'), id: Identifier, title: LocalizedText, icon: Type.String({ pattern: '^[a-z0-9-]+\\.svg$' }) },
  { additionalProperties: false },
);
/** Objects of a class counted per value of one attribute (iTop `DashletGroupByPie/Bars/Table`). */
export const GroupByDashlet = Type.Object(
  {
    type: Type.Literal('group-by'),
    id: Identifier,
    title: LocalizedText,
    class: Identifier,
    groupBy: AttributeCode,
    style: Type.Union([Type.Literal('pie'), Type.Literal('bars'), Type.Literal('table')]),
  },
  { additionalProperties: false },
);
export const Dashlet = discriminatedUnion('type', [BadgeDashlet, HeaderDashlet, GroupByDashlet]);
export type Dashlet = Static<typeof Dashlet>;

/** A dashboard page of ours in the left menu: cells of dashlets, one column. */
export const MenuDashboard = Type.Object(
  { ...common, type: Type.Literal('dashboard'), parent: Identifier, cells: Type.Array(Type.Array(Dashlet, { minItems: 1 }), { minItems: 1 }) },
  { additionalProperties: false },
);

/**
 * Badges added to a dashboard iTop already has (e.g. `Typology`, "Typology configuration"), in its first
 * cell. Left out where that dashboard does not exist, as iTop's own modules do (`_delta="if_exists"`).
 */
export const DashboardExtension = Type.Object(
  { menu: Identifier, dashlets: Type.Array(BadgeDashlet, { minItems: 1 }) },
  { additionalProperties: false },
);
export type DashboardExtension = Static<typeof DashboardExtension>;

export const MenuDefinition = discriminatedUnion('type', [MenuGroup, MenuSection, MenuClassList, MenuDashboard]);
export type MenuDefinition = Static<typeof MenuDefinition>;
