/**
 * The audit without a database: the engine's auditor on the stored data set (tests/audit/dataset.ts) finds exactly
 * the declared violators; every rule kind has its audit form; a form OQL cannot express says so; the generated
 * queries keep model strings inside their OQL literals. The same data set runs against a real iTop in
 * tests/itop/audit/.
 */
import { describe, expect, it } from 'vitest';
import defaultModel from '../../model/br-medicaldevice/index.js';
import { AUDIT_FORMS, auditFormOf, oqlString } from '../../governance/audit/audit-forms.js';
import { createAuditor } from '../../governance/engine/audit.js';
import { planGovernance, type PlannedRule } from '../../governance/plan.js';
import { buildAudit } from '../../generator/ir/audit.js';
import { expectedViolators } from './dataset.js';
import { storedDataset } from './stored.js';

const AE = 'MedicalDicomApplicationEntity';
const LINK = 'MedicalDicomCommunicationLink';

describe('the engine audits stored objects', () => {
  it('finds exactly the declared violators of every rule (obsolete ones included: hiding them is the reader’s job)', () => {
    const { ids, aes, links, context } = storedDataset();
    const keyOf = new Map([...ids].map(([key, id]) => [id, key]));
    const auditor = createAuditor(defaultModel);
    const found: Record<string, string[]> = {};
    for (const [className, records] of [[AE, aes], [LINK, links]] as const) {
      for (const record of records) for (const issue of auditor.audit(className, record, context)) (found[issue.auditKey] ??= []).push(keyOf.get(record.id) as string);
    }
    for (const list of Object.values(found)) list.sort();
    expect(found).toEqual(expectedViolators(true));
  });

  it('has a violator for every audited rule of the model', () => {
    const expected = expectedViolators(true);
    const audit = buildAudit(defaultModel, planGovernance(defaultModel));
    for (const category of audit.categories) for (const rule of category.rules) expect(expected[rule.key]?.length ?? 0, rule.key).toBeGreaterThan(0);
    expect(audit.notAudited).toEqual([]);
  });
});

describe('audit forms', () => {
  it('every rule kind of the vocabulary has one', () => {
    expect(Object.keys(AUDIT_FORMS).sort()).toEqual(['distinct-fields', 'empty-when', 'range', 'referenced-by', 'referenced-value-not-in', 'required-when', 'text-format', 'unique-together', 'url']);
  });

  it('a rule OQL cannot express exactly is reported as not audited, with the reason', () => {
    const rule = (check: PlannedRule['check']): PlannedRule => ({ ...(planGovernance(defaultModel)[0] as PlannedRule), check });
    expect(auditFormOf(rule({ kind: 'distinct-fields', fields: ['aetitle', 'ipaddress'] }), defaultModel)).toMatchObject({ audited: false, reason: expect.stringContaining('case- and accent-insensitively') });
    expect(auditFormOf(rule({ kind: 'unique-together', fields: ['aetitle', 'port'], ignoreWhenEmpty: [] }), defaultModel)).toMatchObject({ audited: false, reason: expect.stringContaining('external keys') });
    expect(auditFormOf(rule({ kind: 'range', field: 'aetitle', min: 1, max: 2 }), defaultModel)).toMatchObject({ audited: false });
    expect(auditFormOf(rule({ kind: 'required-when', fields: ['port'], when: { aetitle: ['X'] } }), defaultModel)).toMatchObject({ audited: false });
  });

  it('writes strings as OQL literals that the OQL lexer reads back unchanged', () => {
    expect(oqlString("a'b\\c")).toBe("'a\\'b\\\\c'");
    // iTop's lexer: '([^\\']|\\'|\\\\)*' — every backslash and quote of the value is escaped.
    const literal = /^'(?:[^\\']|\\'|\\\\)*'$/;
    for (const value of ["x' OR 1=1 --", '\\', "\\'", 'é\u212a']) expect(oqlString(value)).toMatch(literal);
  });

  it('lets no enum value of a condition break out of its literal', () => {
    const rule = (values: string[]): PlannedRule => ({ ...(planGovernance(defaultModel).find((r) => r.id === 'AE-3') as PlannedRule), check: { kind: 'required-when', fields: ['port'], when: { role: values } } });
    const form = auditFormOf(rule(["SCU') OR (1=1", 'a\\']), defaultModel);
    expect(form).toMatchObject({ audited: true, oql: expect.stringContaining("IN ('SCU\\') OR (1=1', 'a\\\\')") });
  });
});
