/**
 * Runs writes through the generated PHP inside a stand-in iTop (tests/php/standin/), in real PHP (php-wasm).
 *
 * What runs is what the generator emits: the governance PHP file, the dictionaries, and the datamodel XML's
 * glue (the `<methods>` of each class, compiled here into `class <Class> extends <parent> { … }` the way iTop's
 * compiler does, and its `<event_listeners>`). iTop's own checks (mandatory, enum, IPv4, URL, external keys,
 * uniqueness rules) and its value conversion (MakeRealValue: an integer attribute casts whatever is written with
 * `(int)`, there is no integer syntax check) are emulated from the same XML.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import { KNOWN_ITOP_CLASSES } from '../../model/itop/known-classes.js';
import type { ModelDefinition } from '../../model/schema/model.js';
import type { PlannedRule } from '../../governance/plan.js';
import type { GeneratedFile } from '../../generator/context.js';
import { buildContext, generateModule } from '../../generator/generate.js';
import { generatedRulesByClass } from '../../generator/php/governance/governance-class.js';
import { checkMethodName, governanceClassName } from '../../generator/php/governance/names.js';
import type { GeneratorInputs } from '../../generator/inputs.js';
import { ITOP_32, type Target } from '../../generator/targets/target.js';
import { projectInputs, textOf } from '../support/project.js';
import type { PhpRuntime } from '../support/php-runner.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const STANDIN_FILES = ['StandIn.php', 'Dict.php', 'DBObject.php', 'DBSearch.php', 'CMDBSource.php', 'EventData.php'];

/** The generator's output for one target, with the plan it came from. */
export interface Generated {
  target: Target;
  model: ModelDefinition;
  plan: PlannedRule[];
  /** Module-relative PHP files the module's `datamodel` array lists (the governance file). */
  includes: string[];
  files: Map<string, string>;
}

export async function generate(target: Target = ITOP_32, inputs?: GeneratorInputs): Promise<Generated> {
  const actual = inputs ?? (await projectInputs(target));
  const ctx = buildContext(actual, target);
  const files = new Map(generateModule(actual, target).map((file: GeneratedFile) => [file.path, textOf(file.content)]));
  return { target, model: actual.model, plan: ctx.ir.governance, includes: ctx.ir.php.includes, files };
}

export function fileOf(generated: Generated, relative: string): string {
  const content = generated.files.get(relative);
  if (content === undefined) throw new Error(`the generator produced no ${relative} (files: ${[...generated.files.keys()].join(', ')})`);
  return content;
}

export function datamodelXmlOf(generated: Generated): string {
  return fileOf(generated, `datamodel.${generated.model.module.code}.xml`);
}

// ---------------------------------------------------------------- the XML, as iTop's compiler reads it

interface XmlNode {
  [key: string]: unknown;
}

const ARRAY_TAGS = new Set(['class', 'field', 'value', 'rule', 'attribute', 'event_listener', 'method']);

function parseDatamodel(xml: string): XmlNode[] {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    isArray: (name) => ARRAY_TAGS.has(name),
  });
  const document = parser.parse(xml) as { itop_design?: { classes?: { class?: XmlNode[] } } };
  // Classes marked must_exist are additions to iTop's own classes (impact neighbours), not classes of ours.
  return (document.itop_design?.classes?.class ?? []).filter((cls) => (cls as Record<string, unknown>)['@_delta'] !== 'must_exist');
}

const text = (node: unknown): string => {
  if (node === undefined || node === null) return '';
  if (typeof node === 'string') return node;
  if (typeof node === 'object' && '#text' in (node as XmlNode)) return String((node as XmlNode)['#text']);
  return '';
};
const child = (node: unknown, name: string): XmlNode | undefined =>
  node && typeof node === 'object' ? ((node as XmlNode)[name] as XmlNode | undefined) : undefined;
const children = (node: unknown, name: string): XmlNode[] => (child(node, name) as unknown as XmlNode[] | undefined) ?? [];
const list = (node: unknown, container: string, item: string): XmlNode[] => {
  const parent = child(node, container);
  return parent ? children(parent, item) : [];
};

export interface AttributeDescription {
  type: string;
  /** Column of the attribute (`<sql>`), null for attributes without one (external fields). */
  sql: string | null;
  mandatory: boolean;
  default: string | null;
  values: string[] | null;
  target_class: string | null;
  extkey_attcode: string | null;
  target_attcode: string | null;
}

export interface ClassDescription {
  parent: string;
  /** `<db_table>` (without iTop's table prefix) and `<db_key_field>` of the class. */
  db_table: string;
  db_key_field: string;
  attributes: Record<string, AttributeDescription>;
  uniqueness: { id: string; rule_id: string; attributes: string[]; filter: string; is_blocking: boolean }[];
  listeners: { event: string; callback: string; rank: number }[];
}

export interface StandInDescription {
  /**
   * iTop's table prefix (config `db_subname`), put before every table name by MetaModel::DBGetTable. Never empty
   * in the tests, so that SQL naming a table without asking MetaModel fails.
   */
  table_prefix: string;
  classes: Record<string, ClassDescription>;
  parents: Record<string, string | null>;
  rule_ids_by_message_key: Record<string, string>;
  collation_folding: Record<string, string>;
}

/** The table prefix of the stand-in's "database" (iTop's default is none; any prefix must work). */
export const STANDIN_TABLE_PREFIX = 'standin_';

/** What iTop would know of the classes after compiling the XML, plus the plan's message keys. */
export function describeClasses(generated: Generated): StandInDescription {
  const classes: Record<string, ClassDescription> = {};
  const parents: Record<string, string | null> = {};
  for (const [name, known] of Object.entries(KNOWN_ITOP_CLASSES)) parents[name] = known.parent;
  for (const cls of parseDatamodel(datamodelXmlOf(generated))) {
    const name = String(cls['@id']);
    const parent = text(cls['parent']);
    parents[name] = parent;
    const attributes: Record<string, AttributeDescription> = {};
    for (const field of list(cls, 'fields', 'field')) {
      const values = list(field, 'values', 'value').map((value) => (child(value, 'code') !== undefined ? text(child(value, 'code')) : text(value)));
      const defaultValue = child(field, 'default_value');
      attributes[String(field['@id'])] = {
        type: String(field['@xsi:type']),
        sql: text(child(field, 'sql')) || null,
        mandatory: text(child(field, 'is_null_allowed')) === 'false',
        default: defaultValue === undefined ? null : text(defaultValue),
        values: values.length > 0 ? values : null,
        target_class: text(child(field, 'target_class')) || null,
        extkey_attcode: text(child(field, 'extkey_attcode')) || null,
        target_attcode: text(child(field, 'target_attcode')) || null,
      };
    }
    const properties = child(cls, 'properties');
    const uniqueness = list(properties, 'uniqueness_rules', 'rule').map((rule) => {
      const id = String(rule['@id']);
      const planned = generated.plan.find((r) => r.class === name && r.uniquenessRuleId === id);
      return {
        id,
        rule_id: planned?.id ?? `UNIQUENESS:${id}`,
        attributes: list(rule, 'attributes', 'attribute').map((a) => String(a['@id'])),
        filter: text(child(rule, 'filter')),
        is_blocking: text(child(rule, 'is_blocking')) !== 'false',
      };
    });
    const listeners = list(cls, 'event_listeners', 'event_listener').map((listener) => ({
      event: text(child(listener, 'event')),
      callback: text(child(listener, 'callback')),
      rank: Number(text(child(listener, 'rank')) || '0'),
    }));
    const dbTable = text(child(properties, 'db_table'));
    if (dbTable === '') throw new Error(`class ${name}: no <db_table> in the datamodel XML`);
    classes[name] = { parent, db_table: dbTable, db_key_field: text(child(properties, 'db_key_field')) || 'id', attributes, uniqueness, listeners };
  }
  const ruleIds: Record<string, string> = {};
  for (const rule of generated.plan) ruleIds[rule.messageKey] = rule.id;
  return { table_prefix: STANDIN_TABLE_PREFIX, classes, parents, rule_ids_by_message_key: ruleIds, collation_folding: collationFolding() };
}

/**
 * Accented Latin letters → base letters (NFD without marks), as utf8mb4_unicode_ci ignores accents; combining
 * diacritical marks (U+0300–U+036F, which the collation ignores) → nothing; final sigma ς → σ (same primary weight).
 */
function collationFolding(): Record<string, string> {
  const folding: Record<string, string> = {};
  for (let point = 0xc0; point <= 0x24f; point++) {
    const char = String.fromCodePoint(point);
    const base = char.normalize('NFD').replace(/\p{M}+/gu, '');
    if (base !== char && base !== '') folding[char] = base;
  }
  for (let point = 0x300; point <= 0x36f; point++) folding[String.fromCodePoint(point)] = '';
  folding['ς'] = 'σ';
  return folding;
}

/**
 * The compiled model as iTop's compiler writes it: every XML class as `class X extends <parent>` with the
 * `<code>` of its methods pasted into the body, parents first; stub classes for the iTop classes the model
 * builds on (Organization, ConnectableCI…).
 */
export function compiledModelPhp(generated: Generated): string {
  const lines = ['<?php', '// Compiled from the generated datamodel XML by tests/php/itop-standin.ts.'];
  const declared = new Set(['DBObject', 'cmdbAbstractObject']);
  const pending = Object.entries(KNOWN_ITOP_CLASSES).filter(([name]) => !declared.has(name));
  while (pending.length > 0) {
    const index = pending.findIndex(([, known]) => known.parent === null || declared.has(known.parent));
    if (index < 0) throw new Error('known iTop classes: parent cycle');
    const [name, known] = pending.splice(index, 1)[0] as [string, { parent: string | null }];
    lines.push(`class ${name} extends ${known.parent ?? 'cmdbAbstractObject'}`, '{', '}');
    declared.add(name);
  }
  for (const cls of parseDatamodel(datamodelXmlOf(generated))) {
    lines.push(`class ${String(cls['@id'])} extends ${text(cls['parent'])}`, '{');
    for (const method of list(cls, 'methods', 'method')) lines.push(text(child(method, 'code')));
    lines.push('}');
  }
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------- running writes

export type WriteValue = string | number | null;

export interface WriteCase {
  name: string;
  existing: Record<string, Record<string, WriteValue>[]>;
  write: { class: string; op: 'create' | 'update'; id?: number; values: Record<string, WriteValue> };
  /** iTop language code of the user for this write ('EN US' when absent). */
  language?: string;
}

export interface RecordedQuery {
  origin: 'governance' | 'itop';
  /** `sql`: raw SQL through CMDBSource::QueryToArray (class: the class whose table it reads, oql: ''). */
  kind: 'select' | 'count' | 'get' | 'exists' | 'sql';
  class: string;
  oql: string;
  /** The SQL text of a `sql` query, null otherwise. */
  sql: string | null;
  /** Attributes loaded: OptimizeColumnLoad of a `select`, the attributes whose columns a `sql` query reads. */
  columns: string[] | null;
  args: Record<string, unknown>;
  allow_all_data: boolean;
}

export interface ReportedMessage {
  message: string;
  rule: string;
}

export interface WriteOutcome {
  name: string;
  /** False for an update without changes (iTop does not check it). */
  checked: boolean;
  issues: ReportedMessage[];
  warnings: ReportedMessage[];
  queries: RecordedQuery[];
  error?: string;
}

/** The PHP files of a run (everything but input.json), by path relative to the entry script. */
export function standInFiles(generated: Generated): { files: Record<string, string>; includes: string[] } {
  const files: Record<string, string> = { 'run-writes.php': readFileSync(path.join(HERE, 'run-writes.php'), 'utf8') };
  for (const name of STANDIN_FILES) files[`standin/${name}`] = readFileSync(path.join(HERE, 'standin', name), 'utf8');
  const includes: string[] = [];
  for (const [relative, content] of generated.files) {
    if (/(^|\/)[a-z]+\.dict\.[^/]+\.php$/.test(relative)) {
      files[`generated/${relative}`] = content;
      includes.push(`generated/${relative}`);
    }
  }
  for (const relative of generated.includes) {
    files[`generated/${relative}`] = fileOf(generated, relative);
    includes.push(`generated/${relative}`);
  }
  files['generated/model.php'] = compiledModelPhp(generated);
  includes.push('generated/model.php');
  return { files, includes };
}

export interface RunOptions {
  /** Changes what the stand-in iTop knows of the classes (e.g. another table prefix, key or column names). */
  adjustDescription?: (description: StandInDescription) => StandInDescription;
}

/** Runs every write in one PHP request; throws when PHP fails or writes anything to stderr. */
export async function runWrites(php: PhpRuntime, generated: Generated, writes: WriteCase[], options: RunOptions = {}): Promise<WriteOutcome[]> {
  const { files, includes } = standInFiles(generated);
  const description = describeClasses(generated);
  files['input.json'] = JSON.stringify({ description: options.adjustDescription ? options.adjustDescription(description) : description, includes, writes });
  const result = await php.run(files, 'run-writes.php');
  if (result.exitCode !== 0 || result.stderr !== '') {
    throw new Error(`PHP ${php.version} failed (exit ${result.exitCode}):\n${result.stderr}\n${result.stdout.slice(0, 2000)}`);
  }
  return JSON.parse(result.stdout) as WriteOutcome[];
}

/** One issue as the generated governance check method returns it. */
export interface GovernanceIssue {
  rule: string;
  severity: 'error' | 'warning';
  field: string;
  message: string;
}

export interface DirectOutcome {
  name: string;
  /** False for an update without changes (the method is not called, as iTop would not check). */
  checked: boolean;
  /** What the governance check method of the written class returned, in its order. */
  governance: GovernanceIssue[];
  queries: RecordedQuery[];
  error?: string;
}

/**
 * Runs every write through the generated governance check method of its class directly (no CheckToWrite, no
 * iTop checks, no glue): the issues come back with their rule, severity, field and message.
 */
export async function runGovernanceMethods(php: PhpRuntime, generated: Generated, writes: WriteCase[]): Promise<DirectOutcome[]> {
  const { files, includes } = standInFiles(generated);
  const governed = generatedRulesByClass(generated.model, generated.plan);
  const methods = Object.fromEntries([...governed.keys()].map((className) => [className, checkMethodName(className)]));
  const direct = { class: governanceClassName(generated.model), methods };
  files['input.json'] = JSON.stringify({ description: describeClasses(generated), includes, writes, direct });
  const result = await php.run(files, 'run-writes.php');
  if (result.exitCode !== 0 || result.stderr !== '') {
    throw new Error(`PHP ${php.version} failed (exit ${result.exitCode}):\n${result.stderr}\n${result.stdout.slice(0, 2000)}`);
  }
  return (JSON.parse(result.stdout) as (DirectOutcome & { governance?: GovernanceIssue[] })[]).map((o) => ({ ...o, governance: o.governance ?? [] }));
}

/** The PHP files and the input (without writes) of runWritesWithGovernance, once per generator output (called in batches). */
const preparedRuns = new WeakMap<Generated, { files: Record<string, string>; input: Record<string, unknown> }>();

/** A write run through both: the governance check method of its class directly, then CheckToWrite. */
export interface FullOutcome extends WriteOutcome {
  governance: GovernanceIssue[];
}

/**
 * Runs every write twice in one PHP request: the generated governance check method of its class directly (its
 * issues with rule, severity, field, message), then CheckToWrite (iTop's checks, uniqueness rules and the glue).
 */
export async function runWritesWithGovernance(php: PhpRuntime, generated: Generated, writes: WriteCase[]): Promise<FullOutcome[]> {
  let prepared = preparedRuns.get(generated);
  if (!prepared) {
    const { files, includes } = standInFiles(generated);
    const governed = generatedRulesByClass(generated.model, generated.plan);
    const methods = Object.fromEntries([...governed.keys()].map((className) => [className, checkMethodName(className)]));
    const direct = { class: governanceClassName(generated.model), methods, and_check_to_write: true };
    prepared = { files, input: { description: describeClasses(generated), includes, direct } };
    preparedRuns.set(generated, prepared);
  }
  const files = { ...prepared.files, 'input.json': JSON.stringify({ ...prepared.input, writes }) };
  const result = await php.run(files, 'run-writes.php');
  if (result.exitCode !== 0 || result.stderr !== '') {
    throw new Error(`PHP ${php.version} failed (exit ${result.exitCode}):\n${result.stderr}\n${result.stdout.slice(0, 2000)}`);
  }
  return (JSON.parse(result.stdout) as (FullOutcome & { governance?: GovernanceIssue[] })[]).map((o) => ({ ...o, governance: o.governance ?? [] }));
}

/** Sorted distinct rule ids of an outcome (issues and warnings). */
export function ruleIdsOf(outcome: WriteOutcome): string[] {
  return [...new Set([...outcome.issues, ...outcome.warnings].map((m) => m.rule))].sort();
}

/** Queries the code under test asked for (iTop's own checks left out). */
export function governanceQueries(outcome: WriteOutcome): RecordedQuery[] {
  return outcome.queries.filter((q) => q.origin === 'governance');
}
