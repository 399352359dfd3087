import { Type, type Static } from '@sinclair/typebox';
import { discriminatedUnion } from './union.js';
import { AttributeCode, Identifier, LocalizedText } from './text.js';

/** Every listed attribute holds one of the listed enum codes (all conditions must hold). */
export const Condition = Type.Record(AttributeCode, Type.Array(Type.String(), { minItems: 1 }), {
  description: 'attribute code → the values that make the condition true',
});
export type Condition = Static<typeof Condition>;

/** Length, character set and surrounding spaces of a string attribute. */
export const TextFormatCheck = Type.Object(
  {
    kind: Type.Literal('text-format'),
    field: AttributeCode,
    minLength: Type.Integer({ minimum: 0 }),
    maxLength: Type.Integer({ minimum: 1 }),
    /** Allowed characters as inclusive code-point ranges, e.g. [[0x20, 0x7e]] for printable ASCII. */
    allowedRanges: Type.Array(Type.Tuple([Type.Integer({ minimum: 0 }), Type.Integer({ minimum: 0 })]), { minItems: 1 }),
    forbiddenCharacters: Type.String(),
    forbidSurroundingSpaces: Type.Boolean(),
  },
  { additionalProperties: false },
);

export const RequiredWhenCheck = Type.Object(
  { kind: Type.Literal('required-when'), fields: Type.Array(AttributeCode, { minItems: 1 }), when: Condition },
  { additionalProperties: false },
);

export const EmptyWhenCheck = Type.Object(
  { kind: Type.Literal('empty-when'), fields: Type.Array(AttributeCode, { minItems: 1 }), when: Condition },
  { additionalProperties: false },
);

export const RangeCheck = Type.Object(
  { kind: Type.Literal('range'), field: AttributeCode, min: Type.Integer(), max: Type.Integer() },
  { additionalProperties: false },
);

export const UrlCheck = Type.Object(
  {
    kind: Type.Literal('url'),
    field: AttributeCode,
    schemes: Type.Array(Type.String({ pattern: '^[a-z][a-z0-9+.-]*$' }), { minItems: 1 }),
    forbidCredentials: Type.Boolean(),
  },
  { additionalProperties: false },
);

export const DistinctFieldsCheck = Type.Object(
  { kind: Type.Literal('distinct-fields'), fields: Type.Tuple([AttributeCode, AttributeCode]) },
  { additionalProperties: false },
);

/**
 * The object an external key points at must not hold one of `values` in `attribute`.
 * `protectReferencedSide` makes the generator derive the mirror rule on the referenced class:
 * that object may not take such a value while something references it.
 */
export const ReferencedValueNotInCheck = Type.Object(
  {
    kind: Type.Literal('referenced-value-not-in'),
    field: AttributeCode,
    attribute: AttributeCode,
    values: Type.Array(Type.String(), { minItems: 1 }),
    protectReferencedSide: Type.Object(
      { ruleId: Type.String({ pattern: '^[A-Z]+-[0-9]+$' }), summary: LocalizedText, message: LocalizedText },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

/**
 * No two objects share these attribute values (strings compared case-insensitively, as the database does).
 * Objects whose `ignoreWhenEmpty` attributes are empty never collide. Enforced by iTop's native uniqueness rules.
 */
export const UniqueTogetherCheck = Type.Object(
  {
    kind: Type.Literal('unique-together'),
    fields: Type.Array(AttributeCode, { minItems: 1 }),
    ignoreWhenEmpty: Type.Array(AttributeCode),
  },
  { additionalProperties: false },
);

export const RuleCheck = discriminatedUnion('kind', [
  TextFormatCheck,
  RequiredWhenCheck,
  EmptyWhenCheck,
  RangeCheck,
  UrlCheck,
  DistinctFieldsCheck,
  ReferencedValueNotInCheck,
  UniqueTogetherCheck,
]);
export type RuleCheck = Static<typeof RuleCheck>;
export type RuleKind = RuleCheck['kind'];

export const Severity = Type.Union([Type.Literal('error'), Type.Literal('warning')]);
export type Severity = Static<typeof Severity>;

export const RuleDefinition = Type.Object(
  {
    id: Type.String({ pattern: '^[A-Z]+-[0-9]+$', description: 'a rule id such as AE-1' }),
    class: Identifier,
    severity: Severity,
    /** What the rule demands, for the documentation. */
    summary: LocalizedText,
    /** Shown to the user; `{attribute}` placeholders take the written object's values. */
    message: LocalizedText,
    check: RuleCheck,
  },
  { additionalProperties: false },
);
export type RuleDefinition = Static<typeof RuleDefinition>;
