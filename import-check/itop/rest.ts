/**
 * A read-only client of iTop's REST API (`webservices/rest.php`): `core/get` and `list_operations`, nothing that
 * writes. Every failure becomes an ItopError, one line for the user (the command exits 2).
 *
 * The request is what iTop 3.2.0 reads (`webservices/rest.php:71-75`): POST fields `version`, `json_data`, and
 * the credentials `auth_user` / `auth_pwd` (read by the form login, `application/loginform.class.inc.php:35-36`),
 * or `auth_token` (the token login of Combodo's authent-token extension, iTop 3.x). Node's own http/https modules:
 * no dependency, and an explicit `--insecure` can be honoured (never by default).
 */
import http from 'node:http';
import https from 'node:https';

export interface ItopConnection {
  /** Base URL of iTop (`https://itop.example.org/`) or of its `webservices/rest.php`. */
  url: string;
  user?: string;
  password?: string;
  /** A personal or application token (authent-token extension); replaces user and password. */
  token?: string;
  /** Skip the verification of the HTTPS certificate (explicit `--insecure` only). */
  insecure?: boolean;
  /** Per request, in milliseconds (default 120 s). */
  timeoutMs?: number;
}

/** A problem with iTop (connection, credentials, rights, extension): one line, exit 2. */
export class ItopError extends Error {
  override name = 'ItopError';
}

/** iTop's `RestResult` codes (`application/applicationextension.inc.php:1727-1782` at 3.2.0). */
export const REST_CODE = {
  ok: 0,
  unauthorized: 1,
  missingVersion: 2,
  missingJson: 3,
  invalidJson: 4,
  missingAuthUser: 5,
  missingAuthPwd: 6,
  unsupportedVersion: 10,
  unknownOperation: 11,
  unsafe: 12,
  invalidPage: 13,
  internalError: 100,
} as const;

export interface RestObject {
  code: number;
  message: string;
  class: string;
  key: string | number;
  fields: Record<string, unknown>;
}

export interface RestAnswer {
  code: number;
  message: string | null;
  objects?: Record<string, RestObject> | null;
}

/** The URL of rest.php for what the user gave (the base URL of iTop, or rest.php itself). */
export function restEndpoint(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ItopError(`--itop: '${url}' is not a URL (expected e.g. https://itop.example.org/)`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new ItopError(`--itop: '${url}' is not an http:// or https:// URL`);
  if (parsed.username || parsed.password) throw new ItopError('--itop: put no credentials in the URL; use ITOP_USER / ITOP_PWD (or ITOP_TOKEN)');
  if (!/\/rest\.php$/.test(parsed.pathname)) parsed.pathname = `${parsed.pathname.replace(/\/+$/, '')}/webservices/rest.php`;
  parsed.search = '';
  parsed.hash = '';
  return parsed;
}

/** TLS errors of Node (OpenSSL) that mean "certificate not trusted or not valid for this host". */
const CERTIFICATE_ERRORS = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'CERT_SIGNATURE_FAILURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'HOSTNAME_MISMATCH',
]);

export class ItopRest {
  readonly endpoint: URL;
  /** REST version asked: 1.4 has the paging of core/get (iTop 2.5.2, 2.6.1, 2.7.0 and later). */
  version = '1.4';
  requests = 0;
  private readonly agent: http.Agent;

  constructor(private readonly connection: ItopConnection) {
    this.endpoint = restEndpoint(connection.url);
    if (!connection.token && (!connection.user || connection.password === undefined)) {
      throw new ItopError('--itop needs credentials: set ITOP_USER and ITOP_PWD (or ITOP_TOKEN for a token)');
    }
    this.agent =
      this.endpoint.protocol === 'https:'
        ? new https.Agent({ keepAlive: true, maxSockets: 4, rejectUnauthorized: connection.insecure !== true })
        : new http.Agent({ keepAlive: true, maxSockets: 4 });
  }

  /** The host as the messages name it. */
  get where(): string {
    return `iTop at ${this.endpoint.origin}${this.endpoint.pathname.replace(/\/webservices\/rest\.php$/, '/')}`;
  }

  close(): void {
    this.agent.destroy();
  }

  /**
   * Checks the connection, the credentials and the REST profile once (`list_operations` needs a login and the
   * profile, `webservices/rest.php:103-142`), and settles the version: an iTop older than REST 1.4 answers
   * code 10 and is then read with 1.3, without paging.
   */
  async open(): Promise<void> {
    let answer = await this.call({ operation: 'list_operations' });
    if (answer.code === REST_CODE.unsupportedVersion) {
      this.version = '1.3';
      answer = await this.call({ operation: 'list_operations' });
    }
    this.fail(answer, undefined);
  }

  /** `core/get` (`core/restservices.class.inc.php:503-549` at 3.2.0): objects of an OQL query, one page of them. */
  async get(className: string, oql: string, outputFields: readonly string[], limit: number, page: number): Promise<{ objects: RestObject[]; total: number }> {
    const query: Record<string, unknown> = { operation: 'core/get', class: className, key: oql, output_fields: outputFields.join(',') };
    if (limit > 0 && this.version !== '1.3') Object.assign(query, { limit, page });
    const answer = await this.call(query);
    this.fail(answer, className);
    const objects = Object.values(answer.objects ?? {});
    // "Found: N", N = DBObjectSet::Count(), the size of the whole query whatever the page (core/dbobjectset.class.php Count()).
    const found = /^Found: (\d+)/.exec(answer.message ?? '');
    return { objects, total: found ? Number(found[1]) : objects.length };
  }

  /** Turns an answer with an error code into one clear line. */
  private fail(answer: RestAnswer, className: string | undefined): void {
    if (answer.code === REST_CODE.ok) return;
    const message = String(answer.message ?? '').replace(/^Error: /, '');
    const who = this.connection.token ? 'the token' : `user '${this.connection.user}'`;
    if (answer.code === REST_CODE.unauthorized) {
      if (/REST Services User/.test(message)) throw new ItopError(`${this.where}: ${who} lacks the profile "REST Services User", which iTop requires for REST`);
      if (/Invalid login/i.test(message)) throw new ItopError(`${this.where}: login refused for ${who}: wrong user or password (or token)`);
      const denied = /permissions for (reading|exporting) data of class (\S+)/.exec(message);
      if (denied) throw new ItopError(`${this.where}: ${who} may not ${denied[1] === 'reading' ? 'read' : 'bulk read (export)'} ${denied[2]}: give it a profile with read rights on it`);
      throw new ItopError(`${this.where}: not authorized: ${message}`);
    }
    if (answer.code === REST_CODE.missingAuthUser || answer.code === REST_CODE.missingAuthPwd) throw new ItopError(`${this.where}: ${message} (iTop did not receive the credentials)`);
    if (answer.code === REST_CODE.unsupportedVersion) throw new ItopError(`${this.where}: REST version ${this.version} is not supported: ${message}`);
    // RestUtils::GetClass (application/applicationextension.inc.php at 3.2.0): "class: 'X' is not a valid class'".
    const unknownClass = /'([^']+)' is not a valid class|Unknown class '([^']+)'/.exec(message);
    if (unknownClass && className) {
      throw new ItopError(`${this.where} has no class ${unknownClass[1] ?? unknownClass[2]}: is the br-medicaldevice extension installed there?`);
    }
    const badField = /output_fields: invalid attribute code '([^']+)'/.exec(message);
    if (badField && className) throw new ItopError(`${this.where}: class ${className} has no attribute '${badField[1]}': is it the same version of the br-medicaldevice extension?`);
    throw new ItopError(`${this.where} answered code ${answer.code}: ${message.split('\n')[0]}`);
  }

  /** One POST to rest.php; the JSON answer, or an ItopError. */
  private async call(json: Record<string, unknown>): Promise<RestAnswer> {
    const form = new URLSearchParams({ version: this.version, json_data: JSON.stringify(json) });
    const { token, user, password } = this.connection;
    if (token) form.set('auth_token', token);
    else {
      form.set('auth_user', user ?? '');
      form.set('auth_pwd', password ?? '');
    }
    this.requests++;
    const { status, headers, body } = await this.post(form.toString());
    if (status >= 300 && status < 400) {
      throw new ItopError(`${this.where}: HTTP ${status}, redirected to ${String(headers.location ?? '?')}: give that URL to --itop`);
    }
    if (status === 401) throw new ItopError(`${this.where}: HTTP 401: the web server refused the request before iTop (basic authentication in front of iTop?)`);
    if (status !== 200) throw new ItopError(`${this.where}: HTTP ${status} for ${this.endpoint.pathname}: is this the URL of iTop?`);
    let answer: unknown;
    try {
      answer = JSON.parse(body);
    } catch {
      const start = body.trimStart().slice(0, 60).replace(/\s+/g, ' ');
      throw new ItopError(`${this.where}: ${this.endpoint.pathname} did not answer JSON (it starts with '${start}'): is this the URL of iTop?`);
    }
    if (typeof answer !== 'object' || answer === null || typeof (answer as RestAnswer).code !== 'number') {
      throw new ItopError(`${this.where}: ${this.endpoint.pathname} did not answer as iTop's REST API does (no 'code')`);
    }
    return answer as RestAnswer;
  }

  private post(body: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
    const url = this.endpoint;
    const transport = url.protocol === 'https:' ? https : http;
    const timeout = this.connection.timeoutMs ?? 120_000;
    return new Promise((resolve, reject) => {
      const request = transport.request(
        url,
        {
          method: 'POST',
          agent: this.agent,
          headers: { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8', 'content-length': Buffer.byteLength(body), accept: 'application/json' },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }));
          response.on('error', (error) => reject(this.networkError(error)));
        },
      );
      request.setTimeout(timeout, () => request.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT_ITOP' })));
      request.on('error', (error) => reject(this.networkError(error)));
      request.end(body);
    });
  }

  private networkError(error: Error & { code?: string }): ItopError {
    const code = error.code ?? '';
    const host = this.endpoint.host;
    if (CERTIFICATE_ERRORS.has(code) || /certificate/i.test(error.message)) {
      return new ItopError(
        `${this.where}: the HTTPS certificate of ${host} is not trusted (${code || error.message}): add its CA with NODE_EXTRA_CA_CERTS=/path/to/ca.pem, or pass --insecure to skip the verification`,
      );
    }
    if (code === 'ECONNREFUSED') return new ItopError(`${this.where}: connection refused by ${host}: is iTop running there?`);
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new ItopError(`${this.where}: host ${url(this.endpoint)} not found (DNS)`);
    if (code === 'ETIMEDOUT_ITOP' || code === 'ETIMEDOUT') return new ItopError(`${this.where}: no answer within ${Math.round((this.connection.timeoutMs ?? 120_000) / 1000)} s`);
    if (code === 'ECONNRESET' || code === 'EPIPE') return new ItopError(`${this.where}: the connection was closed by ${host} (${code}): does the URL's http:// or https:// match the server?`);
    if (code === 'EPROTO' || /wrong version number|SSL routines/i.test(error.message)) {
      return new ItopError(`${this.where}: TLS handshake failed (${error.message.split('\n')[0]}): an https:// URL for an http:// server?`);
    }
    return new ItopError(`${this.where}: ${code ? `${code}: ` : ''}${error.message.split('\n')[0]}`);
  }
}

function url(endpoint: URL): string {
  return endpoint.hostname;
}
