/**
 * Runs fuzz cases (arbitraries.ts) through the TypeScript engine and through the generated PHP (the 3.2 build on
 * PHP 8.3, the 2.7 build on PHP 7.4, in the stand-in iTop, many writes per PHP request), and through `check` (CSV
 * files), and lists every difference.
 *
 * Against the PHP, per write and build:
 * - the distinct rule ids (CheckToWrite: issues, warnings, iTop's checks, uniqueness rules) are the engine's;
 * - every message CheckToWrite reports, with its severity (issue or warning), is the engine's in the write's
 *   language (en, de or fr). iTop's attribute checks are compared by attribute code and reason: the stand-in iTop
 *   writes the code where iTop writes the label, and has iTop's wording in English only;
 * - the generated check method of the class, called directly, returns exactly the engine's issues of the rules
 *   it enforces: rule, severity, field, message, in order.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { classParentsOf, collationKey, createValidator, InMemoryContext, type Issue, type StoredRecord, type Validator, type Write, type WriteValue } from '../../governance/engine/index.js';
import { ITOP_27, ITOP_32 } from '../../generator/targets/target.js';
import { AE_CLASS, runImportCheck, type Finding } from '../../import-check/index.js';
import type { Language, ModelDefinition } from '../../model/schema/model.js';
import { generate, runWritesWithGovernance, type FullOutcome, type Generated, type WriteCase } from '../php/itop-standin.js';
import { startPhp, type PhpRuntime } from '../support/php-runner.js';
import type { Vector } from '../support/vectors.js';
import type { FuzzCase } from './arbitraries.js';

const ITOP_LANGUAGE: Record<Language, string> = { en: 'EN US', de: 'DE DE', fr: 'FR FR' };

/** Differences of one case, each a line naming the side that differs (empty: all agree). */
export type Differences = string[];

interface PhpSide {
  label: string;
  php: PhpRuntime;
  generated: Generated;
}

export interface ComparerOptions {
  /** Compare with the generated PHP (default true). */
  php?: boolean;
  /** Compare with `check` on CSV files (default true). */
  csv?: boolean;
}

export class Comparer {
  private constructor(
    readonly model: ModelDefinition,
    private readonly validator: Validator,
    private readonly sides: PhpSide[],
    private readonly csv: CsvWriter | undefined,
  ) {}

  /** How many cases of each kind were compared (coverage of the CSV path). */
  readonly stats: Record<string, number> = {};

  private count(kind: string): void {
    this.stats[kind] = (this.stats[kind] ?? 0) + 1;
  }

  static async start(model: ModelDefinition, options: ComparerOptions = {}): Promise<Comparer> {
    const sides: PhpSide[] = [];
    if (options.php !== false) {
      sides.push({ label: 'PHP 8.3 / iTop 3.2 build', php: await startPhp('8.3'), generated: await generate(ITOP_32) });
      sides.push({ label: 'PHP 7.4 / iTop 2.7 build', php: await startPhp('7.4'), generated: await generate(ITOP_27) });
    }
    return new Comparer(model, createValidator(model), sides, options.csv === false ? undefined : new CsvWriter());
  }

  close(): void {
    for (const side of this.sides) side.php.exit();
    this.csv?.close();
  }

  engineIssues(c: Pick<FuzzCase, 'existing' | 'write' | 'lang'>): Issue[] {
    const context = new InMemoryContext(c.existing, { parents: classParentsOf(this.model) });
    return this.validator.validate(c.write, context, { lang: c.lang });
  }

  /** The differences of every case (same order), the PHP writes in one request per build. */
  async compare(cases: FuzzCase[], firstIndex = 0): Promise<Differences[]> {
    const engine = cases.map((c) => this.engineIssues(c));
    const differences: Differences[] = cases.map(() => []);
    for (const side of this.sides) {
      const writes: WriteCase[] = cases.map((c, i) => ({ name: String(i), existing: c.existing, write: c.write, language: ITOP_LANGUAGE[c.lang] }));
      const outcomes = await runWritesWithGovernance(side.php, side.generated, writes);
      cases.forEach((_, i) => differences[i]?.push(...this.phpDifferences(side, engine[i] as Issue[], outcomes[i])));
    }
    if (this.csv) {
      for (let i = 0; i < cases.length; i++) differences[i]?.push(...(await this.csvDifferences(cases[i] as FuzzCase, firstIndex + i)));
    }
    return differences;
  }

  private phpDifferences(side: PhpSide, engine: Issue[], outcome: FullOutcome | undefined): Differences {
    if (!outcome) return [`${side.label}: no outcome`];
    if (outcome.error !== undefined) return [`${side.label}: PHP error ${outcome.error}`];
    const out: Differences = [];
    const engineIds = distinctIds(engine);
    const phpIds = [...new Set([...outcome.issues, ...outcome.warnings].map((m) => m.rule))].sort();
    if (!same(engineIds, phpIds)) out.push(`${side.label}: rule ids ${json(phpIds)}, engine ${json(engineIds)}`);

    const engineMessages = engine.map((i) => messageKey(i.ruleId, i.severity, i.message)).sort();
    const phpMessages = [
      ...outcome.issues.map((m) => messageKey(m.rule, 'error', m.message)),
      ...outcome.warnings.map((m) => messageKey(m.rule, 'warning', m.message)),
    ].sort();
    if (!same(engineMessages, phpMessages)) out.push(`${side.label}: messages ${json(phpMessages)}, engine ${json(engineMessages)}`);

    const byGeneratedPhp = new Set(side.generated.plan.filter((r) => r.enforcement === 'generated-php').map((r) => r.id));
    const engineGoverned = engine.filter((i) => byGeneratedPhp.has(i.ruleId)).map((i) => ({ rule: i.ruleId, severity: i.severity, field: i.field ?? '', message: i.message }));
    if (json(engineGoverned) !== json(outcome.governance)) out.push(`${side.label}: check method ${json(outcome.governance)}, engine ${json(engineGoverned)}`);
    return out;
  }

  // ------------------------------------------------------------------------------------------ check (CSV)

  /**
   * The companion row of a case (a link after its AE) and the engine's verdict on it, as iTop's import has it: the
   * first row is applied when it has no error (an update replaces the stored object, a creation adds one), then the
   * companion's keys are searched by the written object's reconciliation attributes, as written (title) and through
   * the external field of its key (organization name), compared as MySQL compares: one match is that object, none
   * or several leave a key to nothing (ITOP-EXTKEY either way). Undefined when the search cannot be written (an
   * empty title, an organization that does not exist).
   */
  private companionRow(c: FuzzCase, first: Issue[], companion: NonNullable<FuzzCase['companion']>) {
    const write = c.write;
    const cls = this.model.classes.find((k) => k.name === write.class);
    if (!cls) return undefined;
    const context = new InMemoryContext(c.existing, { parents: classParentsOf(this.model) });
    const held = this.validator.check(write, context);
    const heldValue = (code: string) => held.values[held.attributes.indexOf(code)];
    const existing = structuredClone(c.existing);
    const records = (existing[write.class] ??= []);
    if (!first.some((i) => i.severity === 'error')) {
      const record: StoredRecord = { id: write.op === 'update' ? (write.id as number) : Math.max(0, ...records.map((r) => r.id)) + 1 };
      held.attributes.forEach((code, i) => (record[code] = held.values[i] ?? null));
      if (write.op === 'update') records.splice(records.findIndex((r) => r.id === write.id), 1, record);
      else records.push(record);
    }
    // The search: reconciliation attributes of the written object; an external key through its external field.
    const criteria: { column: string; attribute: string; value: string; key?: { code: string; id: number } }[] = [];
    for (const code of cls.reconciliation) {
      const field = cls.fields.find((f) => f.code === code);
      const value = heldValue(code);
      if (field?.type === 'externalKey') {
        const external = cls.fields.find((f) => f.type === 'externalField' && f.externalKey === code);
        const target = (existing[field.target] ?? []).find((r) => r.id === value);
        if (!external || external.type !== 'externalField' || !target) return undefined;
        criteria.push({ column: external.code, attribute: code, value: String(target[external.targetAttribute]), key: { code, id: target.id } });
      } else {
        if (value === null || value === undefined || value === '') return undefined;
        criteria.push({ column: code, attribute: code, value: String(value) });
      }
    }
    const matches = records.filter((r) => criteria.every((k) => (k.key ? r[k.attribute] === k.key.id : collationKey(r[k.attribute]) === collationKey(k.value))));
    const resolved = matches.length === 1 ? (matches[0] as StoredRecord).id : 999_999;
    const linkWrite = Comparer.csvWrite({ ...companion.write, values: { ...companion.write.values, ...Object.fromEntries(companion.keys.map((k) => [k, resolved])) } });
    const engine = this.engineIssues({ existing, write: linkWrite, lang: c.lang });
    const header = ['id'];
    const row: unknown[] = [''];
    for (const [code, value] of Object.entries(linkWrite.values)) {
      if (companion.keys.includes(code)) {
        for (const k of criteria) {
          header.push(`${code}->${k.column}`);
          row.push(k.value);
        }
      } else {
        header.push(code);
        row.push(value);
      }
    }
    return { write: linkWrite, engine, resolved: matches.length === 1, file: { className: companion.write.class, header, row } as CompanionRow };
  }

  /**
   * The write as a CSV row conveys it to iTop: every value a string (a number as JS writes it), null an empty cell,
   * and `\r\n` inside a value read as `\n` (iTop's CSVParser replaces every `\r\n` of the file, quoted or not).
   */
  static csvWrite(write: Write): Write {
    const values: Record<string, WriteValue> = {};
    for (const [code, value] of Object.entries(write.values)) values[code] = value === null ? '' : String(value).replace(/\r\n/g, '\n');
    // A row without written columns still needs one; an empty description is what the agreement test writes.
    if (Object.keys(values).length === 0) values['description'] = '';
    return { ...write, values };
  }

  private async csvDifferences(c: FuzzCase, index: number): Promise<Differences> {
    const writer = this.csv as CsvWriter;
    const write = Comparer.csvWrite(c.write);
    const engine = this.engineIssues({ ...c, write });
    const companion = c.companion ? this.companionRow({ ...c, write }, engine, c.companion) : undefined;
    const files = writer.render(this.model, { ...c, write }, index, companion?.file);
    let findings: Finding[];
    let companionFindings: Finding[] = [];
    try {
      const report = await runImportCheck({ ...files.input, lang: c.lang });
      findings = report.findings.filter((f) => f.file === files.rowFile);
      companionFindings = report.findings.filter((f) => f.file === files.companionFile);
    } catch (error) {
      return [`check (${files.style}): ${(error as Error).message}`];
    }
    const out: Differences = [];
    this.count(`CSV rows (${files.style})`);
    if (c.companion) this.count(companion ? `CSV link rows after their AE row, ${companion.resolved ? 'resolved' : 'unresolved'} (AE ${first(engine)})` : 'CSV link rows after their AE row, not writable');
    if (companion) {
      const checkIds = [...new Set(companionFindings.map((f) => f.ruleId))].sort();
      const engineIds = distinctIds(companion.engine);
      // An unresolved reference (no match, ambiguous) rejects the row in iTop's import before any check: ITOP-EXTKEY
      // on the key, and whatever else check reports (it goes on with the other cells); the engine has no say there.
      if (!companion.resolved) {
        const onKeys = companionFindings.filter((f) => f.ruleId === 'ITOP-EXTKEY' && c.companion?.keys.includes(f.field ?? ''));
        if (onKeys.length === 0) out.push(`check (${files.style}), ${companion.file.className} row after it: no ITOP-EXTKEY on an unresolved key (${json(companionFindings)})`);
      } else if (!same(checkIds, engineIds)) out.push(`check (${files.style}), ${companion.file.className} row after it: rule ids ${json(checkIds)}, engine ${json(engineIds)} (${json(companion.write)})`);
    }
    const checkIds = [...new Set(findings.map((f) => f.ruleId))].sort();
    const engineIds = distinctIds(engine);
    if (!same(checkIds, engineIds)) out.push(`check (${files.style}): rule ids ${json(checkIds)}, engine ${json(engineIds)}`);
    else if (files.style === 'by id') {
      const a = findings.map((f) => `${f.severity} ${f.ruleId} ${f.field ?? ''} ${f.message}`).sort();
      const b = engine.map((i) => `${i.severity} ${i.ruleId} ${i.field ?? ''} ${i.message}`).sort();
      if (!same(a, b)) out.push(`check (${files.style}): findings ${json(a)}, engine ${json(b)}`);
    }
    return out;
  }
}

export interface CompanionRow {
  className: string;
  header: string[];
  row: unknown[];
}

/** iTop's attribute-check messages by code and reason (see the header); others as they are. */
function messageKey(rule: string, severity: string, message: string): string {
  if (rule.startsWith('ITOP-')) {
    const match = /^[\s\S]*?' \(([a-z0-9_]+)\) : ([\s\S]*)$/.exec(message);
    if (match) return `${severity} ${rule} [${match[1]}] ${match[2]}`;
  }
  return `${severity} ${rule} ${message}`;
}

const first = (issues: Issue[]): string => (issues.some((i) => i.severity === 'error') ? 'rejected' : 'accepted');
const distinctIds = (issues: { ruleId: string }[]): string[] => [...new Set(issues.map((i) => i.ruleId))].sort();
const same = (a: string[], b: string[]) => a.length === b.length && a.every((v, i) => v === b[i]);
const json = (v: unknown) => JSON.stringify(v);

// -------------------------------------------------------------------------------------------- CSV files

/** Classes whose export is always given (even empty), so that `check` assumes nothing to exist. */
const REFERENCED_CLASSES = ['Organization', 'MedicalDeviceMIE', 'FunctionalCI', AE_CLASS];

class CsvWriter {
  private readonly dir = mkdtempSync(path.join(tmpdir(), 'fuzz-check-'));

  close(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  private file(name: string, content: string): string {
    const file = path.join(this.dir, name);
    writeFileSync(file, content);
    return file;
  }

  /**
   * The case as `check` input: an export per class of the data set (and of every class a write may reference),
   * the write as the one row of AE.csv or LINKS.csv with an `id` column (empty: create). The layout varies with
   * the index: separator, line ends, every cell quoted or only where needed, external keys by id or by
   * reconciliation columns (org_id->name; source_ae_id->aetitle + source_ae_id->org_name) where the target exists.
   */
  render(model: ModelDefinition, c: FuzzCase, index: number, companion?: CompanionRow) {
    const separator = [',', ';', '\t'][index % 3] as string;
    const eol = index % 2 === 0 ? '\n' : '\r\n';
    const quoteAll = index % 5 === 0;
    const style: 'by id' | 'by reconciliation columns' = Math.floor(index / 2) % 2 === 0 ? 'by id' : 'by reconciliation columns';
    const table = (rows: unknown[][]) => rows.map((row) => row.map((cell) => csvCell(cell, separator, quoteAll)).join(separator)).join(eol) + eol;

    const existing: string[] = [];
    for (const className of new Set([...Object.keys(c.existing), ...REFERENCED_CLASSES])) {
      const records = c.existing[className] ?? [];
      const firstField = model.classes.find((cls) => cls.name === className)?.fields[0]?.code ?? 'name';
      const columns = [...new Set(['id', ...(records.length ? records.flatMap((r) => Object.keys(r)) : [firstField])])];
      existing.push(`${className}:${this.file(`${className}.csv`, table([columns, ...records.map((r) => columns.map((col) => r[col]))]))}`);
    }
    const write = c.write;
    const header: string[] = ['id'];
    const row: unknown[] = [write.op === 'update' ? write.id : ''];
    for (const [code, value] of Object.entries(write.values)) {
      const by = style === 'by reconciliation columns' ? reconciliationColumns(model, c.existing, write.class, code, value) : undefined;
      for (const [column, cell] of by ?? [[code, value]]) {
        header.push(column);
        row.push(cell);
      }
    }
    const rowName = write.class === AE_CLASS ? 'AE.csv' : 'LINKS.csv';
    const rowPath = this.file(rowName, table([header, row]));
    const input = { existing, ...(write.class === AE_CLASS ? { ae: rowPath } : { links: rowPath }) };
    if (!companion) return { style, rowFile: rowName, companionFile: undefined, input };
    // The companion (a link after its AE) in LINKS.csv, which check reads after AE.csv.
    const companionPath = this.file('LINKS.csv', table([companion.header, companion.row]));
    return { style, rowFile: rowName, companionFile: 'LINKS.csv', input: { ...input, links: companionPath } };
  }
}

/** A cell: quoted when asked, or when it holds the separator, a quote, a line break or edge blanks. */
function csvCell(value: unknown, separator: string, quoteAll: boolean): string {
  const text = value === null || value === undefined ? '' : String(value);
  return quoteAll || text.includes(separator) || /["\r\n]/.test(text) || /^[\s\0]|[\s\0]$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** `org_id` 1 → `org_id->name`; an AE key → its title and its organization's name. Undefined: keep the id. */
function reconciliationColumns(model: ModelDefinition, existing: Record<string, StoredRecord[]>, className: string, code: string, value: unknown): [string, unknown][] | undefined {
  const field = model.classes.find((cls) => cls.name === className)?.fields.find((f) => f.code === code);
  if (field?.type !== 'externalKey' || typeof value !== 'string' || !/^[1-9][0-9]*$/.test(value)) return undefined;
  const record = (existing[field.target] ?? []).find((r) => r.id === Number(value));
  if (!record) return undefined;
  if (field.target === 'Organization') return [[`${code}->name`, record['name']]];
  if (field.target === AE_CLASS) {
    const org = (existing['Organization'] ?? []).find((r) => r.id === record['org_id']);
    // A title shared (as MySQL compares) by several AEs of the organization is ambiguous for iTop's search: by id.
    const key = collationKey(record['aetitle']);
    const namesakes = (existing[AE_CLASS] ?? []).filter((r) => r['org_id'] === record['org_id'] && collationKey(r['aetitle']) === key);
    return org && namesakes.length === 1 ? [[`${code}->aetitle`, record['aetitle']], [`${code}->org_name`, org['name']]] : undefined;
  }
  return undefined;
}

/** A fuzz case as a permanent vector (tests/vectors format): expected = what the engine says. */
export function vectorOf(c: FuzzCase, name: string, expected: string[]): Vector {
  const existing = Object.fromEntries(Object.entries(c.existing).filter(([, records]) => records.length > 0));
  return { name: c.lang === 'en' ? name : `${name} (found in ${c.lang})`, existing, write: c.write, expected };
}
