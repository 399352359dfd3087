import { Type, type Static } from '@sinclair/typebox';
import { AttributeCode, Identifier } from './text.js';
import { discriminatedUnion } from './union.js';

/**
 * Declarations of the changes between releases that iTop's setup would otherwise apply silently, losing or
 * orphaning stored data (docs/SCHEMA-CHANGES.md). `generate` compares the schema it emits with the last
 * release's and refuses every such change that is not declared here. Each declaration names the release that
 * introduced it (`since`, the package.json version of that release): its installer code runs once, when iTop's
 * setup upgrades a site whose recorded version is below it.
 */
const Since = Type.String({ pattern: '^\\d+\\.\\d+\\.\\d+$', description: 'the release (x.y.z) that introduces the change' });
const EnumCode = Type.String({ pattern: '^[A-Za-z0-9_]+$', description: 'an enum code (letters, digits, _)' });
const Table = Type.String({ pattern: '^[a-z][a-z0-9_]*$', description: 'a lower-case table name' });
const Note = Type.String({ minLength: 1, description: 'why, and what it means for the data (release notes)' });

/** A value of an enum field renamed: the rows holding `from` hold `value` after the upgrade. */
export const RenamedEnumValue = Type.Object(
  { kind: Type.Literal('enumValue'), since: Since, class: Identifier, field: AttributeCode, value: EnumCode, from: EnumCode, note: Type.Optional(Note) },
  { additionalProperties: false },
);
/** A field renamed: its column(s) are moved to the new name, values kept. */
export const RenamedField = Type.Object(
  { kind: Type.Literal('field'), since: Since, class: Identifier, field: AttributeCode, from: AttributeCode, note: Type.Optional(Note) },
  { additionalProperties: false },
);
/** A class renamed (same table, or declare the table rename too): the objects' class is renamed in the database. */
export const RenamedClass = Type.Object(
  { kind: Type.Literal('class'), since: Since, class: Identifier, from: Identifier, note: Type.Optional(Note) },
  { additionalProperties: false },
);
/** A class's table renamed: the table is renamed before iTop's setup updates the schema. */
export const RenamedTable = Type.Object(
  { kind: Type.Literal('table'), since: Since, class: Identifier, table: Table, from: Table, note: Type.Optional(Note) },
  { additionalProperties: false },
);
export const Renamed = discriminatedUnion('kind', [RenamedEnumValue, RenamedField, RenamedClass, RenamedTable]);
export type Renamed = Static<typeof Renamed>;

/**
 * Something removed on purpose. The data stays where iTop's setup leaves it (measured, docs/SCHEMA-CHANGES.md)
 * unless an enum value is `replacedBy` another value of the field: its rows are then set to that value.
 */
export const Removed = Type.Object(
  {
    kind: Type.Union([Type.Literal('class'), Type.Literal('field'), Type.Literal('enumValue')]),
    since: Since,
    class: Identifier,
    field: Type.Optional(AttributeCode),
    value: Type.Optional(EnumCode),
    replacedBy: Type.Optional(EnumCode),
    note: Note,
  },
  { additionalProperties: false },
);
export type Removed = Static<typeof Removed>;

/**
 * A change acknowledged as it is, without installer code: a field's type, its external key's target, a field made
 * mandatory without a default (or a new mandatory field without one), a class's parent, a field's column.
 */
export const Changed = Type.Object(
  {
    kind: Type.Union([Type.Literal('type'), Type.Literal('target'), Type.Literal('mandatory'), Type.Literal('parent'), Type.Literal('column')]),
    since: Since,
    class: Identifier,
    field: Type.Optional(AttributeCode),
    note: Note,
  },
  { additionalProperties: false },
);
export type Changed = Static<typeof Changed>;

export const SchemaChanges = Type.Object(
  {
    renamed: Type.Optional(Type.Array(Renamed)),
    removed: Type.Optional(Type.Array(Removed)),
    changed: Type.Optional(Type.Array(Changed)),
  },
  { additionalProperties: false },
);
export type SchemaChanges = Static<typeof SchemaChanges>;
