import { Type, type Static } from '@sinclair/typebox';
import { BridgeModule } from './bridge.js';
import { ClassDefinition } from './class.js';
import { DashboardExtension, MenuDefinition } from './menu.js';
import { UserRights } from './rights.js';
import { RuleDefinition } from './rule.js';
import { SchemaChanges } from './schema-changes.js';
import { SuccessorOf } from './successor.js';
import { LocalizedText } from './text.js';

export const ModuleDefinition = Type.Object(
  {
    code: Type.String({ pattern: '^[a-z][a-z0-9-]*$', description: 'a module code (lower case, digits, -)' }),
    /** Shown by iTop's setup wizard, which is not localized. */
    label: Type.String({ minLength: 1 }),
    description: Type.String({ minLength: 1 }),
    author: Type.String({ minLength: 1 }),
    company: Type.String(),
    moreInfoUrl: Type.String(),
    category: Type.String({ minLength: 1 }),
  },
  { additionalProperties: false },
);

export const ModelDefinition = Type.Object(
  {
    module: ModuleDefinition,
    /** Purpose of the extension, for the generated documentation. */
    purpose: LocalizedText,
    classes: Type.Array(ClassDefinition, { minItems: 1 }),
    menus: Type.Array(MenuDefinition),
    /** Badges of ours added to dashboards iTop already has. */
    dashboardExtensions: Type.Optional(Type.Array(DashboardExtension)),
    userRights: UserRights,
    rules: Type.Array(RuleDefinition),
    /** Optional modules of the extension, each selected by iTop's setup where another extension is installed. */
    bridges: Type.Optional(Type.Array(BridgeModule)),
    /** The hand-written extension this one upgrades in place, and what that upgrade does to the data. */
    successorOf: Type.Optional(SuccessorOf),
    /** Renames and removals since earlier releases, each with what the upgrade does to the data (docs/SCHEMA-CHANGES.md). */
    schemaChanges: Type.Optional(SchemaChanges),
  },
  { additionalProperties: false },
);
export type ModelDefinition = Static<typeof ModelDefinition>;

export * from './bridge.js';
export * from './class.js';
export * from './field.js';
export * from './menu.js';
export * from './rights.js';
export * from './rule.js';
export * from './schema-changes.js';
export * from './successor.js';
export * from './text.js';
