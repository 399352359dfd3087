/**
 * A local HTTP server that answers as iTop 3.2.0's `webservices/rest.php` answers, for the `check --itop` tests:
 * form fields `version`, `auth_user`, `auth_pwd`, `json_data`; `list_operations` and `core/get` (OQL key,
 * `output_fields`, `limit` / `page`, "Found: N" counting the whole query); the error codes and messages of
 * rest.php:115-142 and restservices.class.inc.php:503-549; objects sorted by friendly name with ties in a new
 * random order on each request (as MySQL may order them), so that paging by offset would lose objects.
 *
 * Its OQL reader knows the queries `check` sends (SELECT with alias, one JOIN, IN lists, id comparisons, AND)
 * and reads string literals by iTop's own rule (oql-lexer.plex:172, then stripslashes as oql-parser.y:203): a
 * value quoted wrongly is a syntax error (code 100), as in iTop.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeRow = Record<string, string | number | null> & { id: number };

export interface FakeUser {
  password: string;
  /** Holds "REST Services User" (default true). */
  rest?: boolean;
  /** May read (and bulk read) every class (default true). */
  read?: boolean;
}

export interface FakeItopOptions {
  /** Objects by class (subclasses' objects listed under each class they belong to, as iTop finds them). */
  data: Record<string, FakeRow[]>;
  users?: Record<string, FakeUser>;
  /** REST versions served (default 1.0 … 1.4); without 1.4 the iTop pages nothing. */
  versions?: string[];
  /** Attribute making the friendly name, per class (default name / aetitle). */
  friendlyName?: Record<string, string>;
}

export interface FakeItop {
  url: string;
  /** Every request's json_data (and version). */
  requests: { version: string; json: Record<string, unknown> }[];
  close(): Promise<void>;
}

const ATTRIBUTES: Record<string, string[]> = {
  Organization: ['name', 'code', 'status', 'parent_id'],
  MedicalDicomApplicationEntity: ['aetitle', 'org_id', 'role', 'protocol', 'ipaddress', 'port', 'endpoint_url', 'modality', 'status', 'medicaldevicemie_id', 'functionalci_id', 'description', 'org_name'],
  MedicalDicomCommunicationLink: ['org_id', 'source_ae_id', 'target_ae_id', 'direction', 'status', 'description', 'org_name'],
  MedicalDeviceMIE: ['name', 'org_id', 'status'],
  FunctionalCI: ['name', 'org_id', 'description'],
};

export async function startFakeItop(options: FakeItopOptions): Promise<FakeItop> {
  const users = options.users ?? { rest: { password: 'secret' } };
  const versions = options.versions ?? ['1.0', '1.1', '1.2', '1.3', '1.4'];
  const requests: FakeItop['requests'] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      if (!request.url?.endsWith('/webservices/rest.php')) {
        response.writeHead(404, { 'content-type': 'text/html' }).end('<html><body>Not Found</body></html>');
        return;
      }
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      const answer = handle(form);
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    });
  });

  function handle(form: URLSearchParams): Record<string, unknown> {
    const version = form.get('version') ?? '';
    let json: Record<string, unknown> = {};
    try {
      json = JSON.parse(form.get('json_data') ?? 'null') as Record<string, unknown>;
    } catch {
      /* checked below */
    }
    requests.push({ version, json });
    const userName = form.get('auth_user');
    const password = form.get('auth_pwd');
    if (!userName) return { code: 5, message: "Error: Missing parameter 'auth_user'" };
    if (password === null) return { code: 6, message: "Error: Missing parameter 'auth_pwd'" };
    const user = users[userName];
    if (!user || user.password !== password) return { code: 1, message: 'Error: Invalid login' };
    if (user.rest === false) return { code: 1, message: 'Error: This user is not authorized to use the web services. (The profile REST Services User is required to access the REST web services)' };
    if (!version) return { code: 2, message: "Error: Missing parameter 'version' (e.g. '1.0')" };
    if (!versions.includes(version)) return { code: 10, message: `Error: There is no service available for version '${version}'` };
    if (!json || typeof json !== 'object') return { code: 4, message: 'Error: Parameter json_data is not a valid JSON structure' };
    if (json['operation'] === 'list_operations') return { code: 0, message: 'Operations: 7', version, operations: [{ verb: 'core/get', description: 'Search for objects', extension: 'CoreServices' }] };
    if (json['operation'] !== 'core/get') return { code: 11, message: `Error: Unknown verb '${String(json['operation'])}' in version '${version}'` };
    const className = String(json['class']);
    if (!(className in ATTRIBUTES) || !(className in options.data)) return { code: 100, message: `Error: class: '${className}' is not a valid class'` };
    const fields = String(json['output_fields'] ?? '*') === '*' ? ['id', ...(ATTRIBUTES[className] as string[])] : String(json['output_fields']).split(',').map((f) => f.trim());
    for (const field of fields) if (field !== 'id' && !(ATTRIBUTES[className] as string[]).includes(field)) return { code: 100, message: `Error: output_fields: invalid attribute code '${field}'` };
    let rows: FakeRow[];
    try {
      rows = runOql(String(json['key']), options.data);
    } catch (error) {
      return { code: 100, message: `Error: Query failed to execute: query = ${String(json['key'])}, exception_class = OQLParserSyntaxErrorException, exception_message = ${(error as Error).message}` };
    }
    if (user.read === false) return { code: 1, message: `The current user does not have enough permissions for reading data of class ${className}` };
    const limit = version === '1.4' ? Number(json['limit'] ?? 0) : 0;
    const page = version === '1.4' ? Number(json['page'] ?? 1) : 1;
    if (page < 1) return { code: 13, message: 'The request page number is not valid. It must be an integer greater than 0' };
    const naming = options.friendlyName?.[className] ?? (className === 'MedicalDicomApplicationEntity' ? 'aetitle' : className === 'MedicalDicomCommunicationLink' ? 'direction' : 'name');
    // ORDER BY friendly name; ties in a random order, new on every request.
    const ordered = rows.map((row) => ({ row, tie: Math.random() })).sort((a, b) => collate(a.row[naming]).localeCompare(collate(b.row[naming])) || a.tie - b.tie).map((x) => x.row);
    const selected = limit > 0 ? ordered.slice(limit * (page - 1), limit * page) : ordered;
    const objects: Record<string, unknown> = {};
    for (const row of selected) {
      const out: Record<string, unknown> = {};
      for (const field of fields) out[field] = field === 'id' ? String(row.id) : jsonValue(row[field]);
      objects[`${className}::${row.id}`] = { code: 0, message: '', class: className, key: String(row.id), fields: out };
    }
    return { code: 0, message: `Found: ${rows.length}`, objects: selected.length ? objects : null };
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** As GetForJSON gives them: ids and integers as strings or numbers, null for empty. */
function jsonValue(value: string | number | null | undefined): unknown {
  return value === undefined ? null : value;
}

/** MySQL utf8mb4 general comparison, for the tests: case-insensitive, trailing spaces ignored. */
function collate(value: unknown): string {
  return value === null || value === undefined ? '' : String(value).toLowerCase().replace(/ +$/, '');
}

// --- A reader of the OQL subset `check` sends -------------------------------------------------------------

type Token = { kind: 'string'; value: string } | { kind: 'number'; value: number } | { kind: 'name'; value: string } | { kind: 'punct'; value: string };

/** iTop's lexer rule for strings (oql-lexer.plex:172), then stripslashes (oql-parser.y:203). */
const STRING = /^'((?:[^\\']|\\'|\\\\)*)'/;

function tokenize(oql: string): Token[] {
  const tokens: Token[] = [];
  let rest = oql;
  while ((rest = rest.replace(/^\s+/, '')).length > 0) {
    let match: RegExpExecArray | null;
    if (rest.startsWith("'")) {
      match = STRING.exec(rest);
      if (!match) throw new Error(`Unexpected token at '${rest.slice(0, 20)}'`);
      tokens.push({ kind: 'string', value: (match[1] as string).replace(/\\(.)/g, '$1') });
    } else if ((match = /^\d+/.exec(rest))) tokens.push({ kind: 'number', value: Number(match[0]) });
    else if ((match = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?/.exec(rest))) tokens.push({ kind: 'name', value: match[0] });
    else if ((match = /^(<=|>=|=|<|>|\(|\)|,)/.exec(rest))) tokens.push({ kind: 'punct', value: match[0] });
    else throw new Error(`Unexpected character at '${rest.slice(0, 20)}'`);
    rest = rest.slice(match[0].length);
  }
  return tokens;
}

type Scope = Record<string, FakeRow>;
type Predicate = (scope: Scope) => boolean;

function runOql(oql: string, data: Record<string, FakeRow[]>): FakeRow[] {
  const tokens = tokenize(oql);
  let at = 0;
  const peek = () => tokens[at];
  const next = () => {
    const token = tokens[at++];
    if (!token) throw new Error('Unexpected end of query');
    return token;
  };
  const expect = (value: string) => {
    const token = next();
    if (token.value !== value) throw new Error(`Unexpected token ${String(token.value)}, expecting ${value}`);
  };
  const name = () => {
    const token = next();
    if (token.kind !== 'name') throw new Error(`Unexpected token ${String(token.value)}`);
    return token.value;
  };
  expect('SELECT');
  let selected = name();
  let mainClass = selected;
  let mainAlias = selected;
  let join: { className: string; alias: string; key: string } | undefined;
  if (peek()?.value === 'FROM') {
    next();
    mainClass = name();
    expect('AS');
    mainAlias = name();
    expect('JOIN');
    const joinClass = name();
    expect('AS');
    const joinAlias = name();
    expect('ON');
    const left = name();
    expect('=');
    const right = name();
    if (right !== `${joinAlias}.id` || !left.startsWith(`${mainAlias}.`)) throw new Error('unsupported JOIN');
    join = { className: joinClass, alias: joinAlias, key: left.slice(mainAlias.length + 1) };
    if (selected !== mainAlias) throw new Error('SELECT must name the main alias');
  } else if (peek()?.value === 'AS') {
    next();
    mainAlias = name();
  }
  selected = mainAlias;
  const value = (scope: Scope, reference: string): unknown => {
    const [alias, attribute] = reference.includes('.') ? (reference.split('.') as [string, string]) : [mainAlias, reference];
    const row = scope[alias];
    if (!row) throw new Error(`unknown alias ${alias}`);
    return attribute === 'id' ? row.id : row[attribute];
  };
  const atom = (): Predicate => {
    if (peek()?.value === '(') {
      next();
      const inner = conjunction();
      expect(')');
      return inner;
    }
    const reference = name();
    const operator = next();
    if (operator.value === 'IN') {
      expect('(');
      const values: (string | number)[] = [];
      for (;;) {
        const token = next();
        if (token.kind !== 'string' && token.kind !== 'number') throw new Error(`Unexpected token ${String(token.value)}`);
        values.push(token.value);
        const separator = next();
        if (separator.value === ')') break;
        if (separator.value !== ',') throw new Error(`Unexpected token ${String(separator.value)}`);
      }
      const keys = new Set(values.map(collate));
      return (scope) => keys.has(collate(value(scope, reference)));
    }
    const operand = next();
    if (operand.kind !== 'number') throw new Error('numbers only');
    const n = operand.value;
    const compare: Record<string, (a: number) => boolean> = { '>': (a) => a > n, '<=': (a) => a <= n, '<': (a) => a < n, '>=': (a) => a >= n, '=': (a) => a === n };
    const test = compare[String(operator.value)];
    if (!test) throw new Error(`operator ${String(operator.value)}`);
    return (scope) => test(Number(value(scope, reference)));
  };
  const conjunction = (): Predicate => {
    const parts = [atom()];
    while (peek()?.value === 'AND') {
      next();
      parts.push(atom());
    }
    return (scope) => parts.every((p) => p(scope));
  };
  let where: Predicate = () => true;
  if (peek()?.value === 'WHERE') {
    next();
    where = conjunction();
  }
  if (at !== tokens.length) throw new Error(`Unexpected token ${String(peek()?.value)}`);
  const rows = data[mainClass] ?? [];
  const joined = join ? new Map((data[join.className] ?? []).map((row) => [row.id, row])) : undefined;
  return rows.filter((row) => {
    const scope: Scope = { [mainAlias]: row };
    if (join) {
      const target = joined?.get(Number(row[join.key]));
      if (!target) return false;
      scope[join.alias] = target;
    }
    return where(scope);
  });
}
