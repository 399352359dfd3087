/**
 * A check run: what iTop 3.2's CSV import would do with the AE file and the link file, row by row, and what every
 * governance rule (iTop's own attribute checks included) would say, before anything is imported.
 *
 * Semantics of the data set (docs/IMPORT-CHECK.md):
 * 1. `--existing` exports are loaded first (organizations and other iTop classes, then AEs, then links).
 * 2. AE rows, then link rows, are applied in file order as iTop's import applies them: a row whose `id` (when the
 *    file has an `id` column) or reconciliation key (AE: aetitle + organization; link: organization + source +
 *    target + direction) matches an object updates it, else it creates one. Each row is validated by the
 *    governance engine against the state left by the previous rows; a row with an error is rejected and changes
 *    nothing, as in iTop.
 * 3. References are resolved as iTop's import resolves them; a class for which no export was given is assumed to
 *    hold whatever is referenced (one synthetic object per distinct reference), except the two checked classes.
 */
import { createValidator, type Validator } from '../governance/engine/validate.js';
import type { Issue, StoredRecord, StoredValue, WriteValue } from '../governance/engine/types.js';
import { phpIntCast, toItopValue, type WritableField } from '../governance/engine/values.js';
import type { Language, ModelDefinition, Severity } from '../model/schema/model.js';
import { readCsv, type CsvSource } from './csv/read-csv.js';
import { Dataset, IdTable, type DatasetEntry, type DatasetView } from './dataset/dataset.js';
import { ImportInputError } from './errors.js';
import { IMPORT_RULE_IDS, message } from './report/messages.js';
import { ModelSchemas, type ClassSchema } from './schema/class-schema.js';
import { mapHeader, type HeaderMapping } from './schema/header.js';

export const AE_CLASS = 'MedicalDicomApplicationEntity';
export const LINK_CLASS = 'MedicalDicomCommunicationLink';

export interface Finding {
  file: string;
  line: number;
  className: string;
  /** The row's reconciliation key as a reader knows it, e.g. `CT_1 / Radiology`. */
  key: string;
  ruleId: string;
  severity: Severity;
  field: string | null;
  message: string;
}

export interface FileTotals {
  file: string;
  className: string;
  role: 'import' | 'existing';
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

export interface CheckOptions {
  lang: Language;
}

/** Classes named by `--existing CLASS:FILE`, besides model and iTop class names. */
const CLASS_ALIASES: Record<string, string> = {
  ae: AE_CLASS,
  aes: AE_CLASS,
  link: LINK_CLASS,
  links: LINK_CLASS,
  org: 'Organization',
  orgs: 'Organization',
  organization: 'Organization',
  organizations: 'Organization',
};

/** Order in which exports are loaded: referenced classes before the classes that reference them. */
const LOAD_RANK = (className: string): number => (className === LINK_CLASS ? 3 : className === AE_CLASS ? 2 : className === 'Organization' ? 0 : 1);

/** A reference that matches nothing or several objects. */
type Unresolved = { count: number; target: string; criteria: string };

/** The id a reference resolves to, or why it does not. */
type Resolution = number | Unresolved;

type EnumField = Extract<WritableField, { type: 'enum' }>;

/** An attribute given directly by a column. */
interface DirectColumn {
  code: string;
  /** Column of the cell. */
  index: number;
  /** Attribute slot of the value (validator.attributesOf). */
  slot: number;
  field: WritableField;
  /** Enum of a localized file: label (of the header's language) → code, the first value of a label winning. */
  labels: Map<string, string> | undefined;
  /**
   * Enum of a file of codes: the model's codes. A cell equal to one is replaced by the model's own string of it:
   * the object then holds that one string rather than a copy per row (the same value, less memory to keep and
   * to copy for the garbage collector).
   */
  codes: readonly string[] | undefined;
  /** External key given by id: its target class. */
  target: string | undefined;
}

/** A search of a class by some of its attributes, ready to run on the cells of a row. */
interface Search {
  targetClass: string;
  attributes: string[];
  /** Cell → value as the target holds it, per attribute. */
  convert: ((value: string) => StoredValue)[];
  /** Scratch space for the converted values. */
  values: StoredValue[];
  view: DatasetView;
}

/** An external key given through attributes of its target. */
interface ReferenceColumn {
  key: string;
  slot: number;
  indexes: number[];
  /** Scratch space for the row's cells of `indexes`. */
  given: string[];
  search: Search;
  /** Resolutions of this file by the given cells, when the target class is one no row changes. */
  cache: Map<string, Resolution> | undefined;
}

interface RowPlan {
  schema: ClassSchema;
  mapping: HeaderMapping;
  /** Writable attributes of the class, in the validator's slot order, and their fields. */
  attributes: readonly string[];
  fields: WritableField[];
  template: StoredRecord;
  /** Scratch space for a row's written values, by attribute slot (undefined: the row leaves it out). */
  written: (WriteValue | undefined)[];
  /** The engine's options for the file's rows; `found` is scratch space, filled per row. */
  options: { lang: Language; found: boolean[] };
  direct: DirectColumn[];
  references: ReferenceColumn[];
  idColumn: number | undefined;
  /** The reconciliation key and its index (files without an id column). */
  reconciliation: { codes: readonly string[]; slots: number[]; fields: WritableField[]; view: DatasetView; values: StoredValue[] } | undefined;
}

export class ImportCheck {
  readonly schemas: ModelSchemas;
  readonly dataset: Dataset;
  readonly findings: Finding[] = [];
  readonly files: FileTotals[] = [];
  private readonly validator: Validator;
  /** Classes with an export: authoritative, nothing else of them exists. */
  private readonly exported = new Set<string>();
  private sentinel = 0;
  /** Called with every object an export loads (the `audit` command lists the stored objects this way). */
  exportObserver: ((className: string, record: StoredRecord, file: string, line: number) => void) | undefined;
  /** Searches of targets by attribute lists (see search()). */
  private readonly searches = new Map<string, Search>();
  /** Per class, by id: the line of the import file that last wrote the object (IMPORT-DUPLICATE). */
  private readonly writtenAt = new Map<string, IdTable<number>>();
  /** Objects assumed to exist (class without export nor iTop), per class: how the files named them, in order. */
  readonly assumed = new Map<string, Set<string>>();

  constructor(
    model: ModelDefinition,
    private readonly options: CheckOptions,
  ) {
    this.schemas = new ModelSchemas(model);
    this.dataset = new Dataset(this.schemas);
    this.validator = createValidator(model);
  }

  /** Parses `CLASS:FILE`; a prefix that names no class is part of the path (`C:\data.csv`). */
  classOfSpec(spec: string): { className?: string; path: string } {
    const at = spec.indexOf(':');
    if (at > 0) {
      const prefix = spec.slice(0, at);
      const className = CLASS_ALIASES[prefix.toLowerCase()] ?? this.schemas.findClass(prefix);
      if (className) return { className, path: spec.slice(at + 1) };
    }
    return { path: spec };
  }

  /** Loads the exports of existing objects, in dependency order. */
  async loadExisting(sources: { source: CsvSource; className?: string }[]): Promise<void> {
    const typed: { source: CsvSource; className: string }[] = [];
    for (const { source, className } of sources) typed.push({ source, className: className ?? (await this.detectClass(source)) });
    typed.sort((a, b) => LOAD_RANK(a.className) - LOAD_RANK(b.className));
    for (const { className } of typed) for (const name of this.schemas.lineage(className)) this.exported.add(name);
    for (const { source, className } of typed) await this.loadExport(source, className);
  }

  /**
   * Loads objects read from iTop (import-check/itop): each class given is then authoritative, as with an export.
   * Fields are iTop's REST values (`AttributeDefinition::GetForJSON`); a writable attribute not read holds its
   * default, as in an export without its column.
   */
  loadObjects(source: string, classes: readonly { className: string; objects: readonly { key: string | number; fields: Record<string, unknown> }[] }[]): void {
    for (const { className } of classes) this.exported.add(className);
    for (const { className, objects } of [...classes].sort((a, b) => LOAD_RANK(a.className) - LOAD_RANK(b.className))) {
      const schema = this.schemas.of(className);
      const complete = className === AE_CLASS || className === LINK_CLASS;
      this.files.push({ file: source, className, role: 'existing', rows: objects.length, created: 0, updated: 0, unchanged: 0, rejected: 0 });
      for (const object of objects) {
        const record: StoredRecord = { id: phpIntCast(String(object.key)) };
        for (const [code, field] of schema.writable) {
          const value = object.fields[code];
          if (value !== undefined) record[code] = toItopValue(field, restValue(value));
          else if (complete) record[code] = toItopValue(field, 'default' in field ? (field.default ?? null) : null);
        }
        for (const [code, value] of Object.entries(object.fields)) {
          if (code === 'id' || schema.writable.has(code)) continue;
          record[code] = value === null || value === undefined ? '' : String(restValue(value));
        }
        this.dataset.put(className, record);
      }
    }
  }

  /** Applies the rows of an import file of `className` (AE or link), in order. */
  async checkFile(source: CsvSource, className: string): Promise<void> {
    const totals: FileTotals = { file: source.name, className, role: 'import', rows: 0, created: 0, updated: 0, unchanged: 0, rejected: 0 };
    this.files.push(totals);
    const schema = this.schemas.of(className);
    let plan: RowPlan | undefined;
    await readCsv(
      source,
      (header) => {
        const mapping = mapHeader(this.schemas, className, header.cells, source.name, this.options.lang);
        requireReconciliation(mapping, schema, source.name);
        plan = this.planRows(schema, mapping);
      },
      (cells, line) => {
        totals.rows++;
        this.applyRow(source.name, plan as RowPlan, cells, line, totals);
      },
    );
  }

  /** What every row of a file needs, worked out once from its header. */
  private planRows(schema: ClassSchema, mapping: HeaderMapping): RowPlan {
    const attributes = this.validator.attributesOf(schema.name);
    const slotOf = (code: string): number => {
      const slot = attributes.indexOf(code);
      if (slot === -1) throw new Error(`${schema.name}: '${code}' is not a writable attribute`);
      return slot;
    };
    const direct: DirectColumn[] = [];
    for (const [code, index] of mapping.attributes) {
      const field = schema.writable.get(code);
      if (!field) continue;
      let labels: Map<string, string> | undefined;
      let codes: string[] | undefined;
      if (field.type === 'enum' && mapping.values === 'labels') {
        labels = new Map();
        for (const value of field.values) if (!labels.has(value.label[mapping.language])) labels.set(value.label[mapping.language], value.code);
      } else if (field.type === 'enum') codes = field.values.map((value) => value.code);
      direct.push({ code, index, slot: slotOf(code), field, labels, codes, target: field.type === 'externalKey' ? field.target : undefined });
    }
    const references: ReferenceColumn[] = [];
    for (const [key, reference] of mapping.references) {
      const field = schema.writable.get(key);
      if (field?.type !== 'externalKey') continue;
      // iTop's import caches each search for the whole file (BulkChange m_aExtKeysMappingCache): searches of classes
      // no row changes stay valid; AE and link searches hit an index anyway and are not cached.
      const cached = field.target !== AE_CLASS && field.target !== LINK_CLASS;
      references.push({ key, slot: slotOf(key), indexes: reference.indexes, given: reference.indexes.map(() => ''), search: this.search(field.target, reference.attributes), cache: cached ? new Map() : undefined });
    }
    const codes = schema.reconciliation;
    const reconciliation =
      mapping.idColumn === undefined
        ? { codes, slots: codes.map(slotOf), fields: codes.map((code) => schema.writable.get(code) as WritableField), view: this.dataset.view(schema.name, codes), values: codes.map(() => null) }
        : undefined;
    const fields = attributes.map((code) => schema.writable.get(code) as WritableField);
    return { schema, mapping, attributes, fields, template: recordTemplate(attributes), written: attributes.map(() => undefined), options: { lang: this.options.lang, found: attributes.map(() => false) }, direct, references, idColumn: mapping.idColumn, reconciliation };
  }

  /** iTop's search of `targetClass` by `attributes` (ResolveExternalKey), prepared once per run. */
  private search(targetClass: string, attributes: string[]): Search {
    const signature = `${targetClass}\u0001${attributes.join('\u0001')}`;
    let search = this.searches.get(signature);
    if (!search) this.searches.set(signature, (search = this.newSearch(targetClass, attributes)));
    return search;
  }

  private newSearch(targetClass: string, attributes: string[]): Search {
    const target = this.schemas.of(targetClass);
    const convert = attributes.map((attribute): ((value: string) => StoredValue) => {
      const field = target.writable.get(attribute);
      if (attribute === 'id' || field?.type === 'externalKey') return phpIntCast;
      return field ? (value) => toItopValue(field, value) : (value) => value;
    });
    return { targetClass, attributes, convert, values: attributes.map(() => null), view: this.dataset.view(targetClass, attributes) };
  }

  private applyRow(file: string, plan: RowPlan, cells: string[], line: number, totals: FileTotals): void {
    const lang = this.options.lang;
    const { schema, mapping } = plan;
    const className = schema.name;
    // The written values by attribute slot (validator.attributesOf); undefined: the row leaves it out.
    const written = plan.written;
    written.fill(undefined);
    // Per slot: the row's reference resolved to an object of the data set (the engine need not look it up again).
    const found = plan.options.found;
    found.fill(false);
    let before: Issue[] | undefined;
    let unresolved: Set<string> | undefined;

    const direct = plan.direct;
    for (let i = 0; i < direct.length; i++) {
      const column = direct[i] as DirectColumn;
      const cell = cells[column.index] as string;
      if (column.labels !== undefined && cell !== '') {
        const value = column.labels.get(cell);
        if (value === undefined) (before ??= []).push(notALabel(column.field as EnumField, cell, mapping.language, lang));
        else written[column.slot] = value;
        continue;
      }
      if (column.target !== undefined && cell !== '') this.assumeById(column.target, cell);
      written[column.slot] = column.codes === undefined ? cell : codeOf(column.codes, cell);
    }
    const references = plan.references;
    for (let r = 0; r < references.length; r++) {
      const reference = references[r] as ReferenceColumn;
      const indexes = reference.indexes;
      let blank = true;
      for (let i = 0; i < indexes.length; i++) if (cells[indexes[i] as number] !== '') blank = false;
      if (blank) {
        written[reference.slot] = '';
        continue;
      }
      const given = reference.given; // scratch: read by resolve() only
      for (let i = 0; i < indexes.length; i++) given[i] = cells[indexes[i] as number] as string;
      let resolution: Resolution | undefined;
      if (reference.cache) {
        const cacheKey = given.length === 1 ? (given[0] as string) : given.join('\u0000');
        resolution = reference.cache.get(cacheKey);
        if (resolution === undefined) reference.cache.set(cacheKey, (resolution = this.resolve(reference.search, given)));
      } else resolution = this.resolve(reference.search, given);
      if (typeof resolution === 'number') {
        written[reference.slot] = resolution;
        found[reference.slot] = true;
      } else {
        written[reference.slot] = --this.sentinel;
        (unresolved ??= new Set()).add(reference.key);
        const failure = resolution;
        (before ??= []).push({
          ruleId: IMPORT_RULE_IDS.externalKey,
          severity: 'error',
          field: reference.key,
          message: message(failure.count === 0 ? 'noMatch' : 'ambiguous', lang, failure),
        });
      }
    }

    // Which object the row writes: by id, else by reconciliation key (iTop's BulkChange).
    let id: number | undefined;
    let ambiguous = false;
    if (plan.idColumn !== undefined) {
      const cell = cells[plan.idColumn] as string;
      const candidate = cell === '' ? 0 : phpIntCast(cell);
      if (candidate !== 0 && this.dataset.get(className, candidate)) id = candidate;
    } else if (plan.reconciliation) {
      const { codes, slots, fields, view } = plan.reconciliation;
      let complete = true;
      for (let i = 0; i < codes.length; i++) {
        if (unresolved?.has(codes[i] as string) || written[slots[i] as number] === undefined) complete = false;
      }
      if (complete) {
        const keyValues = plan.reconciliation.values; // scratch
        for (let i = 0; i < codes.length; i++) keyValues[i] = toItopValue(fields[i] as WritableField, written[slots[i] as number] ?? null);
        const entry = this.dataset.lookup(view, keyValues);
        const count = entryCount(entry);
        if (count === 1) id = firstOf(entry);
        else if (count > 1) {
          ambiguous = true;
          (before ??= []).push({ ruleId: IMPORT_RULE_IDS.reconciliation, severity: 'error', field: null, message: message('reconciliation', lang, { count, attributes: codes.join(', ') }) });
        }
      }
    }
    const stored = id === undefined ? undefined : this.dataset.get(className, id);
    const earlier = stored ? this.lineOf(className).get(stored.id) : undefined;
    if (earlier !== undefined) {
      (before ??= []).push({ ruleId: IMPORT_RULE_IDS.duplicate, severity: 'warning', field: null, message: message('duplicate', lang, { line: earlier }) });
    }

    // An ambiguous row is rejected by iTop before any write: no rule runs.
    let issues: Issue[] = [];
    let held: readonly StoredValue[] | undefined;
    if (!ambiguous) {
      const validation = this.validator.checkWritten(className, id === undefined ? 'create' : 'update', id, written, this.dataset, plan.options);
      issues = validation.issues;
      held = validation.values;
    }
    if (unresolved && issues.length > 0) issues = issues.filter((i) => !(i.ruleId === IMPORT_RULE_IDS.externalKey && i.field !== null && unresolved!.has(i.field)));
    const all = before === undefined ? issues : issues.length === 0 ? before : [...before, ...issues];

    let rejected = false;
    for (let i = 0; i < all.length; i++) if ((all[i] as Issue).severity === 'error') rejected = true;
    // A creation stores the object the engine built (written values over the defaults, as iTop holds them).
    const record = held && !stored ? createdRecord(plan.template, plan.attributes, held, this.dataset.newId(className)) : this.recordAfter(plan, written, stored, id);
    if (rejected) totals.rejected++;
    else {
      if (!stored) totals.created++;
      else if (sameRecord(stored, record)) totals.unchanged++;
      else totals.updated++;
      this.lineOf(className).set(record.id, line);
      this.dataset.put(className, record, !stored);
    }
    if (all.length > 0) {
      const key = this.keyOf(schema, record, mapping, cells);
      for (const issue of all) this.findings.push({ file, line, className, key, ruleId: issue.ruleId, severity: issue.severity, field: issue.field, message: issue.message });
    }
  }

  /** The object as stored after the row: written values over the stored object, or over the model's defaults. */
  private recordAfter(plan: RowPlan, written: readonly (WriteValue | undefined)[], stored: StoredRecord | undefined, id: number | undefined): StoredRecord {
    const record: StoredRecord = stored ? { ...stored } : { id: 0 };
    const { attributes, fields } = plan;
    for (let i = 0; i < attributes.length; i++) {
      const code = attributes[i] as string;
      const field = fields[i] as WritableField;
      const value = written[i];
      if (value !== undefined) record[code] = toItopValue(field, value);
      else if (!stored) record[code] = toItopValue(field, 'default' in field ? (field.default ?? null) : null);
    }
    record.id = id ?? (stored ? stored.id : this.dataset.newId(plan.schema.name));
    return record;
  }

  /** `CT_1 / Radiology`: the reconciliation key, references shown by their target's friendly name. */
  private keyOf(schema: ClassSchema, record: StoredRecord, mapping: HeaderMapping, cells: string[]): string {
    return schema.reconciliation
      .map((code) => {
        const field = schema.writable.get(code);
        const value = record[code];
        if (field?.type !== 'externalKey') return value === null || value === undefined ? '' : String(value);
        const target = typeof value === 'number' && value > 0 ? this.dataset.get(field.target, value) : undefined;
        if (target) return String(this.dataset.valueOf(field.target, target, 'friendlyname') ?? `#${value}`);
        const reference = mapping.references.get(code);
        if (!reference) return value ? `#${String(value)}` : '';
        const [first, ...others] = reference.indexes.map((index) => cells[index]);
        return others.length === 0 ? (first ?? '') : `${first} (${others.join(', ')})`;
      })
      .join(' / ');
  }

  /** iTop's search of an external key's target by the given attributes (ResolveExternalKey). */
  private resolve(search: Search, given: readonly string[]): Resolution {
    const { targetClass, attributes, convert } = search;
    const values = search.values; // scratch
    for (let i = 0; i < given.length; i++) values[i] = (convert[i] as (value: string) => StoredValue)(given[i] as string);
    const entry = this.dataset.lookup(search.view, values);
    const count = entryCount(entry);
    if (count === 1) return firstOf(entry) as number;
    if (count === 0 && this.isAssumed(targetClass)) return this.synthesize(targetClass, attributes, values, given);
    const criteriaText = attributes.map((attribute, i) => `${attribute} = '${given[i]}'`).join(' AND ');
    return { count, target: this.schemas.classLabel(targetClass, this.options.lang), criteria: criteriaText };
  }

  private lineOf(className: string): IdTable<number> {
    let lines = this.writtenAt.get(className);
    if (!lines) this.writtenAt.set(className, (lines = new IdTable()));
    return lines;
  }

  /** Objects of a class without export, other than the checked classes, are assumed to exist in iTop. */
  private isAssumed(className: string): boolean {
    return !this.exported.has(className) && className !== AE_CLASS && className !== LINK_CLASS;
  }

  private assumeById(targetClass: string, cell: string): void {
    const id = phpIntCast(cell);
    if (id > 0 && this.isAssumed(targetClass) && !this.dataset.get(targetClass, id)) {
      this.dataset.put(targetClass, { id });
      this.noteAssumed(targetClass, `id = ${id}`);
    }
  }

  private noteAssumed(className: string, criteria: string): void {
    let named = this.assumed.get(className);
    if (!named) this.assumed.set(className, (named = new Set()));
    named.add(criteria);
  }

  private synthesize(className: string, attributes: string[], values: StoredValue[], given: readonly string[]): number {
    this.noteAssumed(className, attributes.map((attribute, i) => `${attribute} = '${given[i]}'`).join(' AND '));
    const byId = attributes.indexOf('id');
    const id = byId === -1 ? this.dataset.syntheticId(className) : Number(values[byId]);
    const record: StoredRecord = { id };
    attributes.forEach((attribute, i) => {
      if (attribute !== 'id' && attribute !== 'friendlyname') record[attribute] = values[i] ?? null;
    });
    const friendly = attributes.indexOf('friendlyname');
    const naming = this.schemas.of(className).friendlyName[0];
    if (friendly !== -1 && naming && !Object.hasOwn(record, naming)) record[naming] = values[friendly] ?? null;
    this.dataset.put(className, record);
    return id;
  }

  private async detectClass(source: CsvSource): Promise<string> {
    let cells: string[] = [];
    await readCsv(source, (header) => {
      cells = header.cells;
      throw new HeaderRead();
    }, () => undefined).catch((error: unknown) => {
      if (!(error instanceof HeaderRead)) throw error;
    });
    const fits = [AE_CLASS, LINK_CLASS, 'Organization'].filter((className) => {
      try {
        const mapping = mapHeader(this.schemas, className, cells, source.name, this.options.lang);
        return mapping.columns.some((c) => c.kind === 'attribute' || c.kind === 'reference' || c.kind === 'raw');
      } catch {
        return false;
      }
    });
    if (fits.length === 1) return fits[0] as string;
    throw new ImportInputError(source.name, 1, `cannot tell which class this export holds${fits.length ? ` (${fits.join(' or ')})` : ''}: name it, e.g. --existing ae:${source.name}, link:…, org:… or a class name such as Server:…`);
  }

  private async loadExport(source: CsvSource, className: string): Promise<void> {
    const totals: FileTotals = { file: source.name, className, role: 'existing', rows: 0, created: 0, updated: 0, unchanged: 0, rejected: 0 };
    this.files.push(totals);
    const schema = this.schemas.of(className);
    let mapping: HeaderMapping | undefined;
    await readCsv(
      source,
      (header) => {
        mapping = mapHeader(this.schemas, className, header.cells, source.name, this.options.lang);
      },
      (cells, line) => {
        totals.rows++;
        this.loadExportRow(source.name, schema, mapping as HeaderMapping, cells, line);
      },
    );
  }

  private loadExportRow(file: string, schema: ClassSchema, mapping: HeaderMapping, cells: string[], line: number): void {
    const idCell = mapping.idColumn === undefined ? '' : (cells[mapping.idColumn] as string);
    const record: StoredRecord = { id: idCell === '' ? this.dataset.newId(schema.name) : phpIntCast(idCell) };
    for (const [code, field] of schema.writable) {
      const index = mapping.attributes.get(code);
      let value: WriteValue = index === undefined ? ('default' in field ? (field.default ?? null) : null) : (cells[index] as string);
      if (index !== undefined && field.type === 'enum' && mapping.values === 'labels' && value !== '') value = enumCodeOf(field, value as string, mapping.language) ?? value;
      if (index !== undefined && field.type === 'externalKey' && value !== '') this.assumeById(field.target, value as string);
      record[code] = toItopValue(field, value);
    }
    for (const [code, index] of mapping.attributes) if (!schema.writable.has(code)) record[code] = cells[index] as string;
    for (const [key, reference] of mapping.references) {
      const field = schema.writable.get(key);
      if (field?.type !== 'externalKey') continue;
      const given = reference.indexes.map((index) => cells[index] as string);
      if (given.every((value) => value === '')) continue;
      const resolution = this.resolve(this.search(field.target, reference.attributes), given);
      record[key] = typeof resolution === 'number' ? resolution : 0;
      if (typeof resolution !== 'number') {
        this.findings.push({ file, line, className: schema.name, key: `#${record.id}`, ruleId: IMPORT_RULE_IDS.exportReference, severity: 'warning', field: key, message: message('exportReference', this.options.lang, resolution) });
      }
    }
    this.dataset.put(schema.name, record);
    this.exportObserver?.(schema.name, record, file, line);
  }
}

class HeaderRead extends Error {}


/** A REST value as a written value: numbers and strings as they are, anything else as text. */
function restValue(value: unknown): WriteValue {
  return value === null || typeof value === 'string' || typeof value === 'number' ? value : String(value);
}

function requireReconciliation(mapping: HeaderMapping, schema: ClassSchema, file: string): void {
  if (mapping.idColumn !== undefined) return;
  const missing = schema.reconciliation.filter((code) => !mapping.attributes.has(code) && !mapping.references.has(code));
  if (missing.length > 0) {
    throw new ImportInputError(file, 1, `no column for the reconciliation key ${missing.map((m) => `'${m}'`).join(', ')} of ${schema.name} (${schema.reconciliation.join(' + ')}): add it, or an 'id' column`);
  }
}

/** The enum code whose label (in `language`) is exactly `label`, as iTop's localized import compares. */
function enumCodeOf(field: Extract<WritableField, { type: 'enum' }>, label: string, language: Language): string | undefined {
  return field.values.find((v) => v.label[language] === label)?.code;
}

function notALabel(field: Extract<WritableField, { type: 'enum' }>, value: string, valueLanguage: Language, lang: Language): Issue {
  const allowed = field.values.map((v) => v.label[valueLanguage]).join(', ');
  const reason = message('notALabel', lang, { value, allowed });
  return { ruleId: IMPORT_RULE_IDS.enum, severity: 'error', field: field.code, message: message('checkValue', lang, { label: field.label[lang], code: field.code, reason }) };
}

/**
 * The record of an object a row creates: its new id and the object the engine built (every writable attribute,
 * as iTop holds it). A copy of the class's template record, which already has every property (the id, the
 * attributes, the line it was written at): one allocation of the right size, one hidden class for all records.
 */
function createdRecord(template: StoredRecord, attributes: readonly string[], values: readonly StoredValue[], id: number): StoredRecord {
  const record: StoredRecord = { ...template };
  record.id = id;
  for (let i = 0; i < attributes.length; i++) record[attributes[i] as string] = values[i] as StoredValue;
  return record;
}

/**
 * The template of createdRecord for a class. Made by JSON.parse, which gives V8 objects their properties inside
 * the object itself (built property by property, they would go to a separate array): copies are one allocation.
 */
function recordTemplate(attributes: readonly string[]): StoredRecord {
  const template: StoredRecord = { id: 0 };
  for (const code of attributes) template[code] = null;
  return JSON.parse(JSON.stringify(template)) as StoredRecord;
}

/** The model's string equal to `cell`, else the cell (a handful of codes: compared one by one, no hashing). */
function codeOf(codes: readonly string[], cell: string): string {
  for (let i = 0; i < codes.length; i++) if (codes[i] === cell) return codes[i] as string;
  return cell;
}

function entryCount(entry: DatasetEntry | undefined): number {
  return entry === undefined ? 0 : typeof entry === 'number' ? 1 : entry.size;
}

function firstOf(entry: DatasetEntry | undefined): number | undefined {
  return entry === undefined ? undefined : typeof entry === 'number' ? entry : (entry.values().next().value as number);
}

function sameRecord(a: StoredRecord, b: StoredRecord): boolean {
  for (const key of Object.keys(b)) if (a[key] !== b[key]) return false;
  return true;
}
