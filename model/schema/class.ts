import { Type, type Static } from '@sinclair/typebox';
import { Field } from './field.js';
import { AttributeCode, Identifier, LocalizedText } from './text.js';

export const Fieldset = Type.Object(
  { id: Identifier, label: LocalizedText, attributes: Type.Array(AttributeCode, { minItems: 1 }) },
  { additionalProperties: false },
);
export type Fieldset = Static<typeof Fieldset>;

export const DetailsColumn = Type.Object(
  { column: Identifier, fieldsets: Type.Array(Fieldset, { minItems: 1 }) },
  { additionalProperties: false },
);
export type DetailsColumn = Static<typeof DetailsColumn>;

/** An entry of the details form: a column of fieldsets, or an attribute (linked sets render as tabs). */
export const DetailsEntry = Type.Union([AttributeCode, DetailsColumn]);
export type DetailsEntry = Static<typeof DetailsEntry>;

export const Presentation = Type.Object(
  {
    details: Type.Array(DetailsEntry, { minItems: 1 }),
    search: Type.Array(AttributeCode, { minItems: 1 }),
    defaultSearch: Type.Optional(Type.Array(AttributeCode)),
    list: Type.Array(AttributeCode, { minItems: 1 }),
    summary: Type.Optional(Type.Array(AttributeCode)),
  },
  { additionalProperties: false },
);
export type Presentation = Static<typeof Presentation>;

/** A neighbour in iTop's impact analysis: through an attribute, or through OQL queries. */
export const ImpactNeighbour = Type.Object(
  {
    id: Type.String({ minLength: 1 }),
    direction: Type.Union([Type.Literal('both'), Type.Literal('down')]),
    attribute: Type.Optional(AttributeCode),
    queryDown: Type.Optional(Type.String({ minLength: 1 })),
    queryUp: Type.Optional(Type.String({ minLength: 1 })),
  },
  { additionalProperties: false },
);
export type ImpactNeighbour = Static<typeof ImpactNeighbour>;

/**
 * The object an external key of this class points at impacts this object (a host impacts the AEs it runs).
 * iTop reads impacts from the impacting class, so the generator writes the neighbour there, adding it to an
 * iTop class with `_delta="must_exist"` when the target is not ours.
 */
export const ImpactingReference = Type.Object(
  { id: Identifier, attribute: AttributeCode },
  { additionalProperties: false },
);
export type ImpactingReference = Static<typeof ImpactingReference>;

/**
 * A uniqueness rule iTop enforces natively that is not a governance rule (no TypeScript mirror): 3.2.5's
 * brand and model names, kept so an upgrade keeps its behaviour.
 */
export const ClassUniquenessRule = Type.Object(
  { id: Identifier, attributes: Type.Array(AttributeCode, { minItems: 1 }), message: LocalizedText },
  { additionalProperties: false },
);
export type ClassUniquenessRule = Static<typeof ClassUniquenessRule>;

export const ClassStyle = Type.Object(
  { mainColor: Type.String({ pattern: '^#[0-9A-Fa-f]{6}$' }), complementaryColor: Type.String({ pattern: '^#[0-9A-Fa-f]{6}$' }) },
  { additionalProperties: false },
);

export const ClassDefinition = Type.Object(
  {
    name: Identifier,
    parent: Identifier,
    abstract: Type.Optional(Type.Boolean()),
    category: Type.String({ pattern: '^[a-z]+(,[a-z]+)*$', description: 'comma-separated iTop categories' }),
    dbTable: Type.String({ pattern: '^[a-z][a-z0-9_]*$', description: 'a lower-case table name' }),
    label: LocalizedText,
    description: LocalizedText,
    /** An SVG of ours under `images/` of the module, by file name. */
    icon: Type.String({ pattern: '^[a-z0-9-]+\\.svg$' }),
    style: Type.Optional(ClassStyle),
    naming: Type.Object(
      {
        attributes: Type.Array(AttributeCode, { minItems: 1 }),
        /** How several naming attributes are joined, with sprintf placeholders `%1$s`, `%2$s`… */
        format: Type.Optional(LocalizedText),
        complementary: Type.Optional(Type.Array(AttributeCode)),
        /** How the complementary attributes are joined (iTop 3.x `ComplementaryName`), `%1$s`… */
        complementaryFormat: Type.Optional(LocalizedText),
      },
      { additionalProperties: false },
    ),
    reconciliation: Type.Array(AttributeCode, { minItems: 1 }),
    stateAttribute: Type.Optional(AttributeCode),
    /** The image attribute iTop 3.1+ shows as the object's picture (`fields_semantic/image_attribute`). */
    imageAttribute: Type.Optional(AttributeCode),
    uniquenessRules: Type.Optional(Type.Array(ClassUniquenessRule)),
    /** OQL condition (no WHERE) that marks an object obsolete. */
    obsolescence: Type.Optional(Type.String({ minLength: 1 })),
    fields: Type.Array(Field),
    presentation: Presentation,
    /** Neighbours this object impacts (iTop relation `impacts`, declared here). */
    impacts: Type.Optional(Type.Array(ImpactNeighbour)),
    /** Objects that impact this one, through an external key of this class. */
    impactedBy: Type.Optional(Type.Array(ImpactingReference)),
  },
  { additionalProperties: false },
);
export type ClassDefinition = Static<typeof ClassDefinition>;
