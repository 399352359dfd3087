/**
 * A small client of iTop's REST API (webservices/rest.php, version 1.3) for the tests against a real iTop.
 * The iTop is named by ITOP_URL, ITOP_USER and ITOP_PWD; without them these tests report themselves skipped.
 */
export interface ItopConnection {
  url: string;
  user: string;
  password: string;
}

export function itopFromEnvironment(): ItopConnection | undefined {
  const { ITOP_URL: url, ITOP_USER: user, ITOP_PWD: password } = process.env;
  return url && user && password ? { url: url.replace(/\/+$/, ''), user, password } : undefined;
}

export const SKIP_REASON = 'no iTop given: set ITOP_URL, ITOP_USER and ITOP_PWD to run the tests against a real iTop';

export interface RestObject {
  code: number;
  message: string;
  class: string;
  key: string;
  fields: Record<string, unknown>;
}

export interface RestAnswer {
  code: number;
  message: string | null;
  objects?: Record<string, RestObject> | null;
}

export async function rest(itop: ItopConnection, operation: Record<string, unknown>, version = '1.3'): Promise<RestAnswer> {
  const body = new URLSearchParams({ auth_user: itop.user, auth_pwd: itop.password, json_data: JSON.stringify(operation) });
  const response = await fetch(`${itop.url}/webservices/rest.php?version=${version}`, { method: 'POST', body });
  const text = await response.text();
  try {
    return JSON.parse(text) as RestAnswer;
  } catch {
    throw new Error(`iTop answered HTTP ${response.status} with something else than JSON: ${text.slice(0, 300)}`);
  }
}

/** `rest`, throwing iTop's message when the operation fails. */
export async function restOk(itop: ItopConnection, operation: Record<string, unknown>, version = '1.3'): Promise<RestAnswer> {
  const answer = await rest(itop, operation, version);
  if (answer.code !== 0) throw new Error(`REST ${String(operation['operation'])} (${answer.code}): ${answer.message}`);
  return answer;
}

/** Creates an object and returns its id; throws with iTop's message when iTop refuses. */
export async function create(itop: ItopConnection, className: string, fields: Record<string, unknown>): Promise<string> {
  const answer = await rest(itop, { operation: 'core/create', class: className, comment: 'br-medicaldevice tests', fields, output_fields: 'id' });
  const object = Object.values(answer.objects ?? {})[0];
  if (answer.code !== 0 || !object) throw new Error(`core/create ${className} refused (${answer.code}): ${answer.message}`);
  return String(object.fields.id ?? object.key);
}

export async function get(itop: ItopConnection, className: string, key: string | number, outputFields = '*'): Promise<RestObject[]> {
  const answer = await rest(itop, { operation: 'core/get', class: className, key, output_fields: outputFields });
  if (answer.code !== 0) throw new Error(`core/get ${className} failed (${answer.code}): ${answer.message}`);
  return Object.values(answer.objects ?? {});
}

/** A name no earlier run used, so the tests can run again on the same iTop. */
export function unique(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`;
}
