/**
 * Agreement with the engine: every test vector of tests/vectors, rendered as iTop CSV files (its `existing`
 * objects as exports, its write as one row of AE.csv or LINKS.csv), gets from `check` the rule ids the engine
 * gives for the write. Each vector is rendered twice: external keys by id, and (where the target exists) by
 * reconciliation columns (`org_id->name`, `source_ae_id->aetitle` + `source_ae_id->org_name`).
 */
import { describe, expect, it } from 'vitest';
import { createValidator, type StoredRecord, type Write } from '../../governance/engine/index.js';
import { AE_CLASS, LINK_CLASS } from '../../import-check/index.js';
import model from '../../model/br-medicaldevice/index.js';
import { contextOf, loadVectorFiles, type Vector } from '../support/vectors.js';
import { check, csv, workFolder } from './support.js';

const validator = createValidator(model);
const file = workFolder('agreement');
const idsOf = (issues: { ruleId: string }[]) => [...new Set(issues.map((i) => i.ruleId))].sort();

/** Every class a write may reference gets an export, even an empty one, so that nothing is assumed to exist. */
const REFERENCED_CLASSES = ['Organization', 'MedicalDeviceMIE', 'FunctionalCI', AE_CLASS];

type Style = 'by id' | 'by reconciliation columns';

function render(vector: Vector, index: number, style: Style) {
  const existing: string[] = [];
  const classes = new Set([...Object.keys(vector.existing), ...REFERENCED_CLASSES]);
  for (const className of classes) {
    const records = vector.existing[className] ?? [];
    // An empty export still needs a column of its class (an AE export without AEs: aetitle).
    const firstField = model.classes.find((c) => c.name === className)?.fields[0]?.code ?? 'name';
    const columns = [...new Set(['id', ...(records.length ? records.flatMap((r) => Object.keys(r)) : [firstField])])];
    const name = file(`${index}-${style === 'by id' ? 'i' : 'r'}-${className}.csv`, csv([columns, ...records.map((r) => columns.map((c) => r[c]))]));
    existing.push(`${className}:${name}`);
  }
  const write = vector.write;
  const header: string[] = ['id'];
  const row: unknown[] = [write.op === 'update' ? write.id : ''];
  const values = Object.keys(write.values).length > 0 ? write.values : { description: '' };
  for (const [code, value] of Object.entries(values)) {
    const by = style === 'by reconciliation columns' ? reconciliationColumns(vector, write.class, code, value) : undefined;
    if (!by) {
      header.push(code);
      row.push(value);
      continue;
    }
    for (const [column, cell] of by) {
      header.push(column);
      row.push(cell);
    }
  }
  const target = file(`${index}-${style === 'by id' ? 'i' : 'r'}-${write.class === AE_CLASS ? 'AE' : 'LINKS'}.csv`, csv([header, row]));
  return { existing, ...(write.class === AE_CLASS ? { ae: target } : { links: target }) };
}

/** `org_id` 1 → `org_id->name` "Org A"; an AE key → its title and its organization's name. Undefined: keep the id. */
function reconciliationColumns(vector: Vector, className: string, code: string, value: unknown): [string, unknown][] | undefined {
  const field = model.classes.find((c) => c.name === className)?.fields.find((f) => f.code === code);
  if (field?.type !== 'externalKey' || value === null || value === '' || Number(value) <= 0) return undefined;
  const record = (vector.existing[field.target] ?? []).find((r: StoredRecord) => r.id === Number(value));
  if (!record) return undefined;
  if (field.target === 'Organization') return [[`${code}->name`, record['name']]];
  if (field.target === AE_CLASS) {
    const org = (vector.existing['Organization'] ?? []).find((r) => r.id === record['org_id']);
    return org ? [[`${code}->aetitle`, record['aetitle']], [`${code}->org_name`, org['name']]] : undefined;
  }
  return undefined;
}

const vectors = loadVectorFiles().flatMap((f) => f.vectors.map((vector) => ({ file: f.file, vector })));

describe('check agrees with the engine on every test vector', () => {
  for (const style of ['by id', 'by reconciliation columns'] as const) {
    it.each(vectors.map(({ file: f, vector }, index) => [`${f}: ${vector.name}`, vector, index] as const))(`${style}: %s`, async (_name, vector, index) => {
      const engine = idsOf(validator.validate(vector.write as Write, contextOf(vector)));
      const { report } = await check(render(vector, index, style));
      const fromCsv = idsOf(report.findings.filter((f) => f.className === vector.write.class));
      expect(fromCsv).toEqual(engine);
    });
  }

  it('covers both classes, creations and updates', () => {
    for (const cls of [AE_CLASS, LINK_CLASS]) for (const op of ['create', 'update']) expect(vectors.some(({ vector }) => vector.write.class === cls && vector.write.op === op)).toBe(true);
  });
});
