/**
 * The generated audit on a real iTop with the extension installed (skipped unless ITOP_URL, ITOP_USER, ITOP_PWD and
 * ITOP_DB_NAME are set; see itop-audit.ts): the data set of tests/audit/dataset.ts is written with SQL (no check
 * runs), then
 * - iTop holds each generated audit rule once, with the query of the model;
 * - iTop's Audit page lists, under each rule, exactly the data set's violators of that rule (and no valid record);
 * - `audit` on a CSV export of the same database reports, per rule, the same objects and the same counts as the
 *   Audit page.
 *
 *   ITOP_URL=http://127.0.0.1:8083 ITOP_USER=admin ITOP_PWD=… ITOP_DB_NAME=itop_audit ITOP_DB_USER=itop ITOP_DB_PWD=… \
 *     npx vitest run tests/itop/audit
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import defaultModel from '../../../model/br-medicaldevice/index.js';
import { planGovernance } from '../../../governance/plan.js';
import { buildAudit } from '../../../generator/ir/audit.js';
import { runAudit, type AuditFinding } from '../../../import-check/audit/run-audit.js';
import { AUDIT_AES, AUDIT_LINKS, expectedViolators } from '../../audit/dataset.js';
import { auditCategories, auditPageCounts, auditRuleObjects, auditRules, ensureOrgs, itopFromEnv, restCsv, writeDataset, type ItopAuditRule } from './itop-audit.js';

const itop = itopFromEnv();
const audit = buildAudit(defaultModel, planGovernance(defaultModel));
const generated = audit.categories.flatMap((category) => category.rules.map((rule) => ({ ...rule, className: category.className })));

describe.skipIf(!itop)('the generated audit on a real iTop', () => {
  let ids: Map<string, number>;
  let rules: ItopAuditRule[];
  let folder: string;
  const byKey = new Map<string, ItopAuditRule>();

  beforeAll(async () => {
    if (!itop) return;
    ids = writeDataset(itop, await ensureOrgs(itop));
    rules = await auditRules(itop);
    for (const rule of generated) {
      const found = rules.filter((r) => r.name.startsWith(`${rule.key}:`));
      if (found.length === 1) byKey.set(rule.key, found[0] as ItopAuditRule);
    }
    folder = mkdtempSync(path.join(tmpdir(), 'audit-itop-'));
  });
  afterAll(() => {
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('holds every generated rule once, with the query of the model, in one category per class', async () => {
    for (const rule of generated) {
      const found = rules.filter((r) => r.name.startsWith(`${rule.key}:`));
      expect(found.map((r) => r.query), rule.key).toEqual([rule.oql]);
    }
    const categories = await auditCategories(itop!);
    for (const category of audit.categories) {
      expect(categories.filter((c) => c.description.endsWith(category.marker)).map((c) => c.definition_set), category.className).toEqual([category.definitionSet]);
    }
  });

  it("lists under each rule exactly the data set's violators", async () => {
    const expected = expectedViolators(false);
    const ours = new Set(ids.values());
    for (const rule of generated) {
      const itopRule = byKey.get(rule.key) as ItopAuditRule;
      const listed = (await auditRuleObjects(itop!, itopRule, rule.className)).filter((id) => ours.has(id));
      const want = (expected[rule.key] ?? []).map((key) => ids.get(key) as number).sort((a, b) => a - b);
      expect(listed, rule.key).toEqual(want);
    }
  });

  it('agrees with `audit` on an export of the same database, object by object and count by count', async () => {
    // Obsolete objects included (see restCsv): iTop's Audit compares with them.
    const files = {
      'orgs.csv': await restCsv(itop!, 'Organization', ['name']),
      'aes.csv': await restCsv(itop!, 'MedicalDicomApplicationEntity', ['aetitle', 'org_id', 'role', 'protocol', 'ipaddress', 'port', 'endpoint_url', 'modality', 'status']),
      'links.csv': await restCsv(itop!, 'MedicalDicomCommunicationLink', ['org_id', 'source_ae_id', 'target_ae_id', 'direction', 'status']),
    };
    for (const [name, content] of Object.entries(files)) writeFileSync(path.join(folder, name), content);
    const report = await runAudit({ exports: [`org:${path.join(folder, 'orgs.csv')}`, `ae:${path.join(folder, 'aes.csv')}`, `link:${path.join(folder, 'links.csv')}`] });
    const pageCounts = await auditPageCounts(itop!);
    for (const rule of generated) {
      const itopRule = byKey.get(rule.key) as ItopAuditRule;
      const reported = report.findings.filter((f): f is AuditFinding => 'auditKey' in f && (f as AuditFinding).auditKey === rule.key).map((f) => f.id).sort((a, b) => a - b);
      const listed = await auditRuleObjects(itop!, itopRule, rule.className);
      expect(reported, rule.key).toEqual(listed);
      expect(report.rules.find((r) => r.auditKey === rule.key)?.objects, rule.key).toBe(pageCounts.get(itopRule.id) ?? 0);
    }
  });

  it('the data set has a violator and a valid record for every audited rule', () => {
    const expected = expectedViolators(true);
    for (const rule of generated) expect(expected[rule.key]?.length ?? 0, rule.key).toBeGreaterThan(0);
    expect(AUDIT_AES.length + AUDIT_LINKS.length).toBeGreaterThan(Object.keys(expected).length);
  });
});
