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
import { Dataset } from './dataset/dataset.js';
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

interface Resolution {
  id: number | undefined;
  /** Set when the reference matches nothing or several objects. */
  failure?: { count: number; target: string; criteria: string };
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
  /** iTop's import caches each external key search for the whole file (BulkChange m_aExtKeysMappingCache). */
  private resolutions = new Map<string, Resolution>();

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

  /** Applies the rows of an import file of `className` (AE or link), in order. */
  async checkFile(source: CsvSource, className: string): Promise<void> {
    const totals: FileTotals = { file: source.name, className, role: 'import', rows: 0, created: 0, updated: 0, unchanged: 0, rejected: 0 };
    this.files.push(totals);
    const schema = this.schemas.of(className);
    this.resolutions = new Map();
    let mapping: HeaderMapping | undefined;
    await readCsv(
      source,
      (header) => {
        mapping = mapHeader(this.schemas, className, header.cells, source.name, this.options.lang);
        requireReconciliation(mapping, schema, source.name);
      },
      (cells, line) => {
        totals.rows++;
        this.applyRow(source.name, schema, mapping as HeaderMapping, cells, line, totals);
      },
    );
  }

  private applyRow(file: string, schema: ClassSchema, mapping: HeaderMapping, cells: string[], line: number, totals: FileTotals): void {
    const lang = this.options.lang;
    const className = schema.name;
    const values: Record<string, WriteValue> = {};
    const before: Issue[] = [];
    let unresolved: Set<string> | undefined;

    for (const [code, index] of mapping.attributes) {
      const field = schema.writable.get(code);
      if (!field) continue;
      const cell = cells[index] as string;
      if (field.type === 'enum' && mapping.values === 'labels' && cell !== '') {
        const value = enumCodeOf(field, cell, mapping.language);
        if (value === undefined) {
          before.push(notALabel(field, cell, mapping.language, lang));
          continue;
        }
        values[code] = value;
        continue;
      }
      if (field.type === 'externalKey' && cell !== '') this.assumeById(field.target, cell);
      values[code] = cell;
    }
    for (const [key, reference] of mapping.references) {
      const field = schema.writable.get(key);
      if (field?.type !== 'externalKey') continue;
      const given = reference.indexes.map((index) => cells[index] as string);
      if (given.every((value) => value === '')) {
        values[key] = '';
        continue;
      }
      // Searches of classes no row changes stay valid for the whole file; AE searches hit an index anyway.
      const cacheKey = field.target === AE_CLASS || field.target === LINK_CLASS ? undefined : `${key}\u0001${given.join('\u0000')}`;
      let resolution = cacheKey === undefined ? undefined : this.resolutions.get(cacheKey);
      if (!resolution) {
        resolution = this.resolve(field.target, reference.attributes, given, true);
        if (cacheKey !== undefined) this.resolutions.set(cacheKey, resolution);
      }
      if (resolution.id !== undefined) values[key] = resolution.id;
      else {
        values[key] = --this.sentinel;
        (unresolved ??= new Set()).add(key);
        const failure = resolution.failure!;
        before.push({
          ruleId: IMPORT_RULE_IDS.externalKey,
          severity: 'error',
          field: key,
          message: message(failure.count === 0 ? 'noMatch' : 'ambiguous', lang, failure),
        });
      }
    }

    // Which object the row writes: by id, else by reconciliation key (iTop's BulkChange).
    let id: number | undefined;
    let ambiguous = false;
    if (mapping.idColumn !== undefined) {
      const cell = cells[mapping.idColumn] as string;
      const candidate = cell === '' ? 0 : phpIntCast(cell);
      if (candidate !== 0 && this.dataset.get(className, candidate)) id = candidate;
    } else if (schema.reconciliation.every((code) => !unresolved?.has(code) && Object.hasOwn(values, code))) {
      const keyValues = schema.reconciliation.map((code) => toItopValue(schema.writable.get(code) as WritableField, values[code] ?? null));
      const matches = this.dataset.find(className, schema.reconciliation, keyValues);
      if (matches.length === 1) id = matches[0];
      else if (matches.length > 1) {
        ambiguous = true;
        before.push({ ruleId: IMPORT_RULE_IDS.reconciliation, severity: 'error', field: null, message: message('reconciliation', lang, { count: matches.length, attributes: schema.reconciliation.join(', ') }) });
      }
    }
    const stored = id === undefined ? undefined : this.dataset.get(className, id);
    const earlier = (stored as WrittenRecord | undefined)?.[WRITTEN_AT];
    if (earlier !== undefined) {
      before.push({ ruleId: IMPORT_RULE_IDS.duplicate, severity: 'warning', field: null, message: message('duplicate', lang, { line: earlier }) });
    }

    // An ambiguous row is rejected by iTop before any write: no rule runs.
    const issues = ambiguous ? [] : this.validator.validate(id === undefined ? { class: className, op: 'create', values } : { class: className, op: 'update', id, values }, this.dataset, { lang });
    const kept = unresolved ? issues.filter((i) => !(i.ruleId === IMPORT_RULE_IDS.externalKey && i.field !== null && unresolved!.has(i.field))) : issues;
    const all = before.length === 0 ? kept : [...before, ...kept];

    let rejected = false;
    for (const issue of all) if (issue.severity === 'error') rejected = true;
    const record = this.recordAfter(schema, values, stored, id);
    if (rejected) totals.rejected++;
    else {
      if (!stored) totals.created++;
      else if (sameRecord(stored, record)) totals.unchanged++;
      else totals.updated++;
      (record as WrittenRecord)[WRITTEN_AT] = line;
      this.dataset.put(className, record, !stored);
    }
    if (all.length > 0) {
      const key = this.keyOf(schema, record, mapping, cells);
      for (const issue of all) this.findings.push({ file, line, className, key, ruleId: issue.ruleId, severity: issue.severity, field: issue.field, message: issue.message });
    }
  }

  /** The object as stored after the row: written values over the stored object, or over the model's defaults. */
  private recordAfter(schema: ClassSchema, values: Record<string, WriteValue>, stored: StoredRecord | undefined, id: number | undefined): StoredRecord {
    const record: StoredRecord = stored ? { ...stored } : { id: 0 };
    for (const [code, field] of schema.writable) {
      if (Object.hasOwn(values, code)) record[code] = toItopValue(field, values[code] ?? null);
      else if (!stored) record[code] = toItopValue(field, 'default' in field ? (field.default ?? null) : null);
    }
    record.id = id ?? (stored ? stored.id : this.dataset.newId(schema.name));
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
  private resolve(targetClass: string, attributes: string[], given: string[], assume: boolean): Resolution {
    const target = this.schemas.of(targetClass);
    const values: StoredValue[] = given.map((value, i) => {
      const attribute = attributes[i] as string;
      const field = target.writable.get(attribute);
      return attribute === 'id' || field?.type === 'externalKey' ? phpIntCast(value) : field ? toItopValue(field, value) : value;
    });
    const matches = this.dataset.find(targetClass, attributes, values);
    if (matches.length === 1) return { id: matches[0] };
    if (matches.length === 0 && assume && this.assumed(targetClass)) return { id: this.synthesize(targetClass, attributes, values) };
    const criteriaText = attributes.map((attribute, i) => `${attribute} = '${given[i]}'`).join(' AND ');
    return { id: undefined, failure: { count: matches.length, target: this.schemas.classLabel(targetClass, this.options.lang), criteria: criteriaText } };
  }

  /** Objects of a class without export, other than the checked classes, are assumed to exist in iTop. */
  private assumed(className: string): boolean {
    return !this.exported.has(className) && className !== AE_CLASS && className !== LINK_CLASS;
  }

  private assumeById(targetClass: string, cell: string): void {
    const id = phpIntCast(cell);
    if (id > 0 && this.assumed(targetClass) && !this.dataset.get(targetClass, id)) this.dataset.put(targetClass, { id });
  }

  private synthesize(className: string, attributes: string[], values: StoredValue[]): number {
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
      const resolution = this.resolve(field.target, reference.attributes, given, true);
      record[key] = resolution.id ?? 0;
      if (resolution.failure) {
        this.findings.push({ file, line, className: schema.name, key: `#${record.id}`, ruleId: IMPORT_RULE_IDS.exportReference, severity: 'warning', field: key, message: message('exportReference', this.options.lang, resolution.failure) });
      }
    }
    this.dataset.put(schema.name, record);
  }
}

class HeaderRead extends Error {}

/** The line of the import file that last wrote an object (not an attribute: invisible to the engine). */
const WRITTEN_AT = Symbol('written at line');
type WrittenRecord = StoredRecord & { [WRITTEN_AT]?: number };

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

function sameRecord(a: StoredRecord, b: StoredRecord): boolean {
  for (const key of Object.keys(b)) if (a[key] !== b[key]) return false;
  return true;
}
