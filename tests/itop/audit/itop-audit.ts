/**
 * Helpers of the real-iTop audit test: an iTop named by ITOP_URL / ITOP_USER / ITOP_PWD (REST, export, audit page;
 * the user needs the Administrator and REST Services User profiles) and its database by ITOP_DB_NAME (plus
 * ITOP_DB_HOST, ITOP_DB_PORT, ITOP_DB_USER, ITOP_DB_PWD; the `mysql` client must be installed), where the data set
 * is written with SQL so that no check runs.
 */
import { execFileSync } from 'node:child_process';
import { AUDIT_AES, AUDIT_LINKS, AUDIT_ORGS } from '../../audit/dataset.js';
import { restOk as rest, type ItopConnection } from '../support/itop-rest.js';

export interface ItopTarget extends ItopConnection {
  db: { name: string; host: string; port: string; user: string | undefined; pwd: string | undefined };
}

export function itopFromEnv(): ItopTarget | undefined {
  const { ITOP_URL, ITOP_USER, ITOP_PWD, ITOP_DB_NAME } = process.env;
  if (!ITOP_URL || !ITOP_USER || !ITOP_PWD || !ITOP_DB_NAME) return undefined;
  return {
    url: ITOP_URL.replace(/\/+$/, ''),
    user: ITOP_USER,
    password: ITOP_PWD,
    db: { name: ITOP_DB_NAME, host: process.env.ITOP_DB_HOST ?? '127.0.0.1', port: process.env.ITOP_DB_PORT ?? '3306', user: process.env.ITOP_DB_USER, pwd: process.env.ITOP_DB_PWD },
  };
}

const auth = (itop: ItopTarget) => `Basic ${Buffer.from(`${itop.user}:${itop.password}`).toString('base64')}`;


export async function getText(itop: ItopTarget, path: string): Promise<string> {
  const response = await fetch(`${itop.url}/${path}`, { headers: { Authorization: auth(itop) } });
  if (!response.ok) throw new Error(`GET ${path}: HTTP ${response.status}`);
  return response.text();
}

export function sql(itop: ItopTarget, statements: string): string {
  const args = ['-N', '-B', '--protocol=tcp', '-h', itop.db.host, '-P', itop.db.port];
  if (itop.db.user) args.push('-u', itop.db.user);
  if (itop.db.pwd) args.push(`-p${itop.db.pwd}`);
  args.push(itop.db.name, '-e', statements);
  return execFileSync('mysql', args, { encoding: 'utf8' });
}

const quote = (value: string | number | null): string =>
  value === null ? 'NULL' : typeof value === 'number' ? String(value) : `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;

/** The organizations of the data set (created by REST when missing), by letter → id. */
export async function ensureOrgs(itop: ItopTarget): Promise<Record<'A' | 'B', number>> {
  const ids = {} as Record<'A' | 'B', number>;
  for (const [letter, name] of Object.entries(AUDIT_ORGS) as ['A' | 'B', string][]) {
    const found = await rest(itop, { operation: 'core/get', class: 'Organization', key: `SELECT Organization WHERE name = '${name}'`, output_fields: 'id' });
    const existing = Object.values((found.objects ?? {}) as unknown as Record<string, { key: string }>)[0];
    if (existing) ids[letter] = Number(existing.key);
    else {
      const created = await rest(itop, { operation: 'core/create', class: 'Organization', comment: 'audit test', fields: { name }, output_fields: 'id' });
      ids[letter] = Number((Object.values(created.objects ?? {}) as { key: string }[])[0]?.key);
    }
  }
  return ids;
}

/**
 * Writes the data set with SQL (no check runs), after deleting what an earlier run left in its organizations.
 * Returns the iTop ids by data-set key.
 */
export function writeDataset(itop: ItopTarget, orgs: Record<'A' | 'B', number>): Map<string, number> {
  const orgList = `${orgs.A}, ${orgs.B}`;
  sql(itop, `DELETE FROM medicaldicomcommunicationlink WHERE org_id IN (${orgList}); DELETE FROM medicaldicomapplicationentity WHERE org_id IN (${orgList});`);
  const ids = new Map<string, number>();
  for (const ae of AUDIT_AES) {
    const values = [ae.aetitle, orgs[ae.org], ae.role, ae.protocol, ae.ipaddress, ae.port, ae.endpoint_url, ae.modality, ae.status].map(quote).join(', ');
    const id = sql(itop, `INSERT INTO medicaldicomapplicationentity (aetitle, org_id, role, protocol, ipaddress, port, endpoint_url, modality, status) VALUES (${values}); SELECT LAST_INSERT_ID();`).trim();
    ids.set(ae.key, Number(id));
  }
  for (const link of AUDIT_LINKS) {
    const values = [orgs[link.org], ids.get(link.source) as number, ids.get(link.target) as number, link.direction, link.status].map(quote).join(', ');
    const id = sql(itop, `INSERT INTO medicaldicomcommunicationlink (org_id, source_ae_id, target_ae_id, direction, status) VALUES (${values}); SELECT LAST_INSERT_ID();`).trim();
    ids.set(link.key, Number(id));
  }
  return ids;
}

export interface ItopAuditRule {
  id: number;
  categoryId: number;
  name: string;
  query: string;
}

export async function auditRules(itop: ItopTarget): Promise<ItopAuditRule[]> {
  const result = await rest(itop, { operation: 'core/get', class: 'AuditRule', key: 'SELECT AuditRule', output_fields: 'name,query,category_id' });
  return Object.values((result.objects ?? {}) as unknown as Record<string, { key: string; fields: { name: string; query: string; category_id: string } }>).map((o) => ({
    id: Number(o.key),
    categoryId: Number(o.fields.category_id),
    name: o.fields.name,
    query: o.fields.query,
  }));
}

export async function auditCategories(itop: ItopTarget): Promise<{ id: number; name: string; description: string; definition_set: string }[]> {
  const result = await rest(itop, { operation: 'core/get', class: 'AuditCategory', key: 'SELECT AuditCategory', output_fields: 'name,description,definition_set' });
  return Object.values((result.objects ?? {}) as unknown as Record<string, { key: string; fields: { name: string; description: string; definition_set: string } }>).map((o) => ({ id: Number(o.key), ...o.fields }));
}

/** The audit page (pages/audit.php) as iTop renders it for the user: error count by rule id. */
export async function auditPageCounts(itop: ItopTarget): Promise<Map<number, number>> {
  const html = await getText(itop, 'pages/audit.php?operation=audit');
  const counts = new Map<number, number>();
  for (const match of html.matchAll(/operation=errors&(?:amp;)?category=(\d+)&(?:amp;)?rule=(\d+)[^"]*">(\d+)<\/a>/g)) counts.set(Number(match[2]), Number(match[3]));
  return counts;
}

/** The ids of the objects iTop's Audit lists under a rule (pages/audit.php?operation=errors, as the user opens it). */
export async function auditRuleObjects(itop: ItopTarget, rule: ItopAuditRule, className: string): Promise<number[]> {
  const html = await getText(itop, `pages/audit.php?operation=errors&category=${rule.categoryId}&rule=${rule.id}`);
  const ids = new Set<number>();
  const pattern = new RegExp(`operation=details&(?:amp;)?class=${className}&(?:amp;)?id=(\\d+)`, 'g');
  for (const match of html.matchAll(pattern)) ids.add(Number(match[1]));
  return [...ids].sort((a, b) => a - b);
}

/** CSV export (webservices/export-v2.php) of an OQL query, with the given fields. */
export async function exportCsv(itop: ItopTarget, oql: string, fields: string): Promise<string> {
  const params = new URLSearchParams({ format: 'csv', expression: oql, fields, no_localize: '1', charset: 'UTF-8' });
  return getText(itop, `webservices/export-v2.php?${params.toString()}`);
}

/**
 * A CSV export of a class with its obsolete objects, made with REST core/get (export-v2.php follows the user's
 * "show obsolete data" preference, off by default; iTop's Audit compares with obsolete objects even though it does
 * not list them, so an audit needs them).
 */
export async function restCsv(itop: ItopTarget, className: string, fields: string[]): Promise<string> {
  const result = await rest(itop, { operation: 'core/get', class: className, key: `SELECT ${className}`, output_fields: fields.join(',') });
  const cell = (value: unknown) => `"${String(value ?? '').replace(/"/g, '""')}"`;
  const lines = [['id', ...fields].map(cell).join(',')];
  const objects = Object.values((result.objects ?? {}) as unknown as Record<string, { key: string; fields: Record<string, unknown> }>).sort((a, b) => Number(a.key) - Number(b.key));
  for (const object of objects) lines.push([object.key, ...fields.map((field) => object.fields[field])].map(cell).join(','));
  return `${lines.join('\n')}\n`;
}
