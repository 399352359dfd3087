/**
 * fast-check arbitraries of governance writes (issue #17), derived from the loaded model: a random existing data set
 * (organizations, equipment, hosts, AEs, links) and one write (create or update) of a governed class around it.
 *
 * Every value comes from the model: the writable fields of each class and their types, enum codes, defaults and
 * external-key targets; and from the plan's rules, which bias the values toward the boundaries of each rule kind:
 * - text-format: lengths minLength-1 … maxLength+1 (0/1/15/16/17 for AE-1), characters from the allowed ranges,
 *   the forbidden characters, code points just outside the ranges (0x1F, DEL 0x7F), surrounding spaces, unusual
 *   Unicode (combining marks, RTL, emoji, NBSP, full-width letters, Turkish İ, ß);
 * - range: min-1, min, min+1, max-1, max, max+1 as numbers and as the strings iTop casts with (int)
 *   (" 104", "0x10", "1e3", "12abc", "+5", "1.9", full-width digits, 64-bit overflow);
 * - url: the rule's schemes and others (ftp, upper case), credentials, odd hosts (2 characters, IPv6, IDN,
 *   underscores), ports, paths with spaces, query and fragment, trailing newline;
 * - required-when / empty-when: the condition's enum codes and others, with the listed fields empty or set;
 * - unique-together: values of existing objects, in another case, with accents or a trailing space;
 * - referenced-value-not-in: external keys to objects holding a listed value, to others, to missing objects;
 * - iTop's own checks: IPv4 forms PHP and JavaScript read differently ("010.1.1.1", "1.2.3", "256.1.1.1",
 *   " 1.2.3.4", "1.2.3.4\n", full-width digits), enum values that are not codes, keys as strings.
 * Updates change 1–4 attributes, often a key and a role together (AE title + role, source + target).
 */
import fc from 'fast-check';
import { classParentsOf, type StoredRecord, type StoredValue, type Write, type WriteValue } from '../../governance/engine/index.js';
import { planGovernance, type PlannedRule } from '../../governance/plan.js';
import type { Field, Language, ModelDefinition } from '../../model/schema/model.js';

export interface FuzzCase {
  existing: Record<string, StoredRecord[]>;
  write: Write;
  lang: Language;
  /**
   * For the CSV path only: a creation of a class that references the written one (a link after an AE), whose
   * `keys` point at the object the write creates or updates, found by its reconciliation columns (title and
   * organization): the import of a link whose AE was just imported, accepted or rejected.
   */
  companion?: { write: Write; keys: string[] };
}

type WritableField = Extract<Field, { type: 'string' | 'text' | 'integer' | 'ipAddress' | 'url' | 'enum' | 'externalKey' }>;

const isWritable = (field: Field): field is WritableField => field.type !== 'externalField' && field.type !== 'linkedSet';

/** Unusual characters: combining marks, RTL mark and override, Hebrew, emoji (astral), NBSP, full-width, İ, ß, Σ, controls. */
export const UNUSUAL = ['e\u0301', '\u0308', '\u200F', '\u202E', 'ש', '😀', '\u00A0', 'Ａ', '１', 'İ', 'ß', 'Σ', 'É', 'é', '\t', '\n', '\r', '\u0000', '\u007F', '\u0080', '\u001F', '\\', '"', "'", ';', ',', '%', '%1$s', '$this->aetitle$', '\uFEFF', '\u3000'];

/** Organizations of every data set: names unique even case-insensitively (the CSV path searches them by name). */
const ORGANIZATIONS: StoredRecord[] = [
  { id: 1, name: 'Org A' },
  { id: 2, name: 'Org B' },
  { id: 3, name: 'Ørg Ç' },
];

/** Objects of the other classes external keys point at, by class (a Server is found as a FunctionalCI). */
const OTHERS: Record<string, StoredRecord[]> = {
  MedicalDeviceMIE: [{ id: 1, name: 'MIE 1', org_id: 1 }],
  Server: [{ id: 5, name: 'srv-1', org_id: 1 }],
};

const pick = <T>(values: readonly T[]): fc.Arbitrary<T> => fc.constantFrom(...values);

/** A string of `length` code points drawn from `chars`. */
const stringOf = (chars: fc.Arbitrary<string>, length: fc.Arbitrary<number>): fc.Arbitrary<string> =>
  length.chain((n) => fc.array(chars, { minLength: n, maxLength: n }).map((parts) => parts.join('')));

export interface ModelArbitraries {
  model: ModelDefinition;
  plan: PlannedRule[];
  /** Governed classes (those with rules), in model order. */
  classes: string[];
  dataset: fc.Arbitrary<Record<string, StoredRecord[]>>;
  fuzzCase: fc.Arbitrary<FuzzCase>;
}

export function modelArbitraries(model: ModelDefinition): ModelArbitraries {
  const plan = planGovernance(model);
  const classes = [...new Set(plan.map((rule) => rule.class))].filter((name) => model.classes.some((c) => c.name === name));
  const fieldsOf = (className: string): WritableField[] => (model.classes.find((c) => c.name === className)?.fields ?? []).filter(isWritable);
  const rulesOn = (className: string, code: string) =>
    plan.filter((rule) => {
      if (rule.class !== className) return false;
      const check = rule.check;
      if ('field' in check && check.field === code) return true;
      if ('fields' in check && (check.fields as string[]).includes(code)) return true;
      if ('when' in check && code in check.when) return true;
      if (check.kind === 'referenced-by' && check.attribute === code) return true;
      return false;
    });
  /** Enum codes that some rule of the model names for this field (conditions, referenced values). */
  const namedCodes = (code: string): string[] => {
    const codes: string[] = [];
    for (const rule of plan) {
      const check = rule.check;
      if ('when' in check && check.when[code]) codes.push(...check.when[code]);
      if ((check.kind === 'referenced-value-not-in' || check.kind === 'referenced-by') && check.attribute === code) codes.push(...check.values);
    }
    return codes;
  };

  // ------------------------------------------------------------------------------------------ values by type

  function textFormatValues(rule: Extract<PlannedRule['check'], { kind: 'text-format' }>): fc.Arbitrary<string> {
    const inside = fc.oneof(
      ...rule.allowedRanges.map(([lo, hi]) => fc.integer({ min: lo, max: hi }).map((p) => String.fromCodePoint(p))),
      ...rule.allowedRanges.map(([lo, hi]) => pick([lo, hi, Math.min(hi, lo + 1)]).map((p) => String.fromCodePoint(p))),
    );
    const typical = fc.oneof(fc.constantFrom(...'ABCXYZ_019-'.split('')), inside);
    const outside = fc.oneof(
      ...rule.allowedRanges.flatMap(([lo, hi]) => [lo - 1, hi + 1].filter((p) => p >= 0).map((p) => fc.constant(String.fromCodePoint(p)))),
      ...(rule.forbiddenCharacters ? [pick([...rule.forbiddenCharacters])] : []),
      pick(UNUSUAL),
    );
    const lengths = pick([...new Set([0, 1, rule.minLength - 1, rule.minLength, rule.minLength + 1, rule.maxLength - 1, rule.maxLength, rule.maxLength + 1, rule.maxLength * 2])].filter((n) => n >= 0));
    const clean = stringOf(typical, lengths);
    const dirty = fc.tuple(clean, outside, fc.nat()).map(([s, c, at]) => {
      const chars = [...s];
      const i = chars.length === 0 ? 0 : at % (chars.length + 1);
      return [...chars.slice(0, i), c, ...chars.slice(i)].join('');
    });
    const spaced = fc.tuple(clean, pick([' ', '  ', '\u00A0', '\t'])).chain(([s, sp]) => pick([sp + s, s + sp, sp + s + sp, s.length > 1 ? s[0] + ' ' + s.slice(1) : s + ' x']));
    return fc.oneof({ weight: 4, arbitrary: clean }, { weight: 3, arbitrary: dirty }, { weight: 2, arbitrary: spaced }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) });
  }

  function rangeValues(rule: Extract<PlannedRule['check'], { kind: 'range' }>, fallback: number | undefined): fc.Arbitrary<WriteValue> {
    const { min, max } = rule;
    const bounds = [min - 1, min, min + 1, max - 1, max, max + 1, ...(fallback !== undefined ? [fallback] : [])];
    const asNumbers = pick(bounds);
    const asText = pick(bounds).chain((n) => pick([String(n), ` ${n}`, `${n} `, `\n${n}`, `+${n}`, `${n}abc`, `${n}.9`, `0${n}`, `${n}e0`, String(n).replace(/[0-9]/g, (d) => String.fromCodePoint(0xff10 + Number(d)))]));
    const odd = pick<WriteValue>(['', ' ', 'abc', '0x10', '1e3', '1e5', '1e', '.5', '-0', '-', '12abc', '9223372036854775808', '-9223372036854775809', '1e999', '65535.99', 104.5, -0.5, 1e20, -1e20, 2 ** 53, null, '٣', '104 104']);
    return fc.oneof({ weight: 3, arbitrary: asNumbers }, { weight: 3, arbitrary: asText }, { weight: 2, arbitrary: odd }, { weight: 1, arbitrary: fc.integer({ min: -100000, max: 100000 }) });
  }

  const octet = fc.oneof(fc.integer({ min: 0, max: 255 }).map(String), pick(['0', '00', '01', '010', '255', '256', '999', '-1', '1a', '', ' 1', '１']));
  const ipAddress: fc.Arbitrary<WriteValue> = fc.oneof(
    { weight: 3, arbitrary: fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 })).map((o) => o.join('.')) },
    { weight: 2, arbitrary: pick(['10.0.0.1', '10.0.0.2', '10.0.0.1 ', ' 10.0.0.1', '10.0.0.1\n', '10.0.0.01']) },
    { weight: 3, arbitrary: fc.array(octet, { minLength: 2, maxLength: 5 }).map((o) => o.join('.')) },
    { weight: 2, arbitrary: pick<WriteValue>(['010.1.1.1', '1.2.3', '256.1.1.1', ' 1.2.3.4', '1.2.3.4\n', '1.2.3.4\n\n', '１.２.３.４', '0.0.0.0', '255.255.255.255', '1.2.3.4.5', '::1', 'fe80::1', '1.2.3.04', '0x7f.0.0.1', '127.1', '1.2.3.4/24', '', null, 'localhost', '1..2.3', '1.2.3.', '.1.2.3', '1,2,3,4']) },
  );

  function urlValues(rule: Extract<PlannedRule['check'], { kind: 'url' }> | undefined): fc.Arbitrary<WriteValue> {
    const schemes = pick([...(rule?.schemes ?? ['http', 'https']), ...(rule?.schemes ?? []).map((s) => s.toUpperCase()), 'Https', 'ftp', 'file', 'dicom', 'http:', '']);
    const userinfo = pick(['', '', '', 'user@', 'user:pass@', ':@', '@', 'us%40er@', 'a b@']);
    const host = pick(['example.org', 'pacs.example.org', 'ab', 'a.b', 'abc', '10.0.0.1', '[::1]', 'localhost', 'exa_mple.org', 'xn--bcher-kva.example', 'bücher.de', '', '-a-.org', 'host.org.', 'a b.org', 'HOST.ORG']);
    const port = pick(['', '', ':8080', ':80', ':0', ':1', ':123456', ':', ':abc', ':65536']);
    const path = pick(['', '', '/', '/dicom-web', '/dicom-web/', '/a b', '/a/./b', '/%20', '/ü', '/a.b.c', '//x', '/a\\b']);
    const query = pick(['', '', '?q=1', '?', '?1', '?a=b&c=d', '?a b']);
    const fragment = pick(['', '', '#x', '#', '#1.2']);
    const tail = pick(['', '', '', '\n', ' ', '\t', '\r\n']);
    const lead = pick(['', '', '', ' ', '\n']);
    const built = fc.tuple(lead, schemes, pick(['://', '://', ':/', ':', '//', ':///']), userinfo, host, port, path, query, fragment, tail).map((parts) => parts.join(''));
    return fc.oneof({ weight: 6, arbitrary: built }, { weight: 1, arbitrary: pick<WriteValue>(['', null, 'https://pacs.example.org/dicom-web', 'http://x']) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) });
  }

  function enumValues(field: Extract<WritableField, { type: 'enum' }>): fc.Arbitrary<WriteValue> {
    const codes = field.values.map((v) => v.code);
    const named = namedCodes(field.code);
    const odd = [...codes.slice(0, 3).flatMap((c) => [c.toLowerCase(), ` ${c}`, `${c} `]), ...field.values.slice(0, 2).map((v) => v.label.en), '', 'XX'];
    return fc.oneof(
      { weight: 6, arbitrary: pick(codes) },
      { weight: named.length > 0 ? 4 : 0, arbitrary: pick(named.length > 0 ? named : codes) },
      { weight: 2, arbitrary: pick<WriteValue>([...odd, null]) },
    );
  }

  function keyValues(field: Extract<WritableField, { type: 'externalKey' }>, ids: number[]): fc.Arbitrary<WriteValue> {
    const present = ids.length > 0 ? ids : [1];
    return fc.oneof(
      { weight: 8, arbitrary: pick(present) },
      { weight: 2, arbitrary: pick(present).chain((id) => pick<WriteValue>([String(id), ` ${id}`, `${id}abc`, `${id}.0`])) },
      { weight: 2, arbitrary: pick<WriteValue>([0, '', null, 99, -1, '99', 'abc']) },
    );
  }

  const textValues: fc.Arbitrary<WriteValue> = fc.oneof(pick<WriteValue>(['', 'n', null, 'Notes ü', ' x ']), stringOf(fc.oneof(fc.constantFrom(...'ab c'.split('')), pick(UNUSUAL)), fc.integer({ min: 0, max: 8 })));

  /** Values of one field, biased by the rules that read it; `existing` supplies values for unique-together rules. */
  function valuesOf(className: string, field: WritableField, existing: Record<string, StoredRecord[]>): fc.Arbitrary<WriteValue> {
    const rules = rulesOn(className, field.code);
    const sameClass = existing[className] ?? [];
    const reused: WriteValue[] = [];
    if (rules.some((r) => r.check.kind === 'unique-together')) {
      for (const record of sameClass) {
        const v = record[field.code];
        if (v === undefined) continue;
        reused.push(v);
        // As MySQL's utf8mb4_unicode_ci sees them equal: case, accents (composed or combining), trailing spaces.
        if (typeof v === 'string' && v !== '') reused.push(v.toLowerCase(), v.toUpperCase(), `${v} `, v.replace(/[eE]/, 'é'), v.replace(/A/, 'À'), v.normalize('NFD'), `${v}\u0301`, v.replace(/[eE]/, 'e\u0301'));
      }
    }
    let base: fc.Arbitrary<WriteValue>;
    switch (field.type) {
      case 'string': {
        const format = rules.find((r) => r.check.kind === 'text-format')?.check as Extract<PlannedRule['check'], { kind: 'text-format' }> | undefined;
        base = format ? textFormatValues(format) : textValues;
        break;
      }
      case 'text':
        base = textValues;
        break;
      case 'integer': {
        const range = rules.find((r) => r.check.kind === 'range')?.check as Extract<PlannedRule['check'], { kind: 'range' }> | undefined;
        base = range ? rangeValues(range, field.default) : fc.oneof(fc.integer(), pick<WriteValue>(['', null, 'abc']));
        break;
      }
      case 'ipAddress':
        base = ipAddress;
        break;
      case 'url':
        base = urlValues(rules.find((r) => r.check.kind === 'url')?.check as Extract<PlannedRule['check'], { kind: 'url' }> | undefined);
        break;
      case 'enum':
        base = enumValues(field);
        break;
      case 'externalKey':
        base = keyValues(field, idsOf(existing, field.target));
        break;
    }
    return reused.length > 0 ? fc.oneof({ weight: 3, arbitrary: base }, { weight: 2, arbitrary: pick(reused) }) : base;
  }

  const idsOf = (existing: Record<string, StoredRecord[]>, className: string): number[] => {
    const family = new Set([className, ...descendantsOf(className)]);
    return Object.entries(existing).flatMap(([name, records]) => (family.has(name) ? records.map((r) => r.id) : []));
  };
  const parents = classParentsOf(model);
  const descendantsOf = (className: string): string[] =>
    Object.keys(parents).filter((name) => {
      for (let p = parents[name]; p; p = parents[p]) if (p === className) return true;
      return false;
    });

  // ------------------------------------------------------------------------------------------ the data set

  /** A stored value of a field (as iTop holds it), mostly valid, sometimes legacy (an SCP source, a bad port). */
  function storedOf(field: WritableField, existing: Record<string, StoredRecord[]>): fc.Arbitrary<StoredValue> {
    switch (field.type) {
      case 'string':
        return pick(['CT_1', 'ct_1', 'PACS', 'PACS-1', 'MR ROOM 4', 'Orthanc', 'ÉCHO', 'CT_1 ', 'A', 'ΟΔΟΣ', 'STRASSE']);
      case 'text':
        return pick(['', 'note']);
      case 'integer':
        return pick<StoredValue>([104, 104, 11112, 4242, null, 0]);
      case 'ipAddress':
        return pick(['10.0.0.1', '10.0.0.2', '', '10.0.0.1']);
      case 'url':
        return pick(['', '', 'https://pacs.example.org/dicom-web']);
      case 'enum': {
        const codes = field.values.map((v) => v.code);
        return field.mandatory ? pick(codes) : fc.oneof(pick(codes), fc.constant(null));
      }
      case 'externalKey': {
        const ids = idsOf(existing, field.target);
        if (ids.length === 0) return fc.constant(field.mandatory ? 1 : 0);
        return field.mandatory ? pick(ids) : fc.oneof(pick(ids), fc.constant(0));
      }
    }
  }

  const recordsOf = (className: string, existing: Record<string, StoredRecord[]>, count: number, referenced: string[]): fc.Arbitrary<StoredRecord[]> => {
    const fields = fieldsOf(className);
    const one = fc.record(Object.fromEntries(fields.map((f) => [f.code, referenced.includes(f.code) ? keyInto(f, existing) : storedOf(f, existing)])) as Record<string, fc.Arbitrary<StoredValue>>);
    return fc.array(one, { minLength: count, maxLength: count }).map((records) => records.map((r, i) => ({ id: i + 1, ...r }) as StoredRecord));
  };
  /** A key to an object of the data set's own governed classes (links between existing AEs). */
  const keyInto = (field: WritableField, existing: Record<string, StoredRecord[]>): fc.Arbitrary<StoredValue> => {
    const ids = field.type === 'externalKey' ? idsOf(existing, field.target) : [];
    return ids.length > 0 ? pick(ids) : fc.constant(0);
  };

  // Governed classes referencing each other (links → AEs) are built in order: targets first.
  const order = [...classes].sort((a, b) => (referencesOf(b).includes(a) ? -1 : referencesOf(a).includes(b) ? 1 : 0));
  function referencesOf(className: string): string[] {
    return fieldsOf(className).flatMap((f) => (f.type === 'externalKey' && classes.includes(f.target) ? [f.target] : []));
  }

  const dataset: fc.Arbitrary<Record<string, StoredRecord[]>> = fc.integer({ min: 1, max: 3 }).chain((orgs) => {
    let acc: fc.Arbitrary<Record<string, StoredRecord[]>> = fc.constant({ Organization: ORGANIZATIONS.slice(0, orgs), ...structuredClone(OTHERS) });
    for (const className of order) {
      acc = acc.chain((existing) =>
        fc.oneof({ weight: 1, arbitrary: fc.constant(0) }, { weight: 4, arbitrary: fc.integer({ min: 1, max: 5 }) }).chain((count) => {
          const referenced = fieldsOf(className).filter((f) => f.type === 'externalKey' && classes.includes(f.target)).map((f) => f.code);
          // Objects that must point at a governed object (a link at its AEs) exist only when such objects do.
          if (referencesOf(className).some((target) => idsOf(existing, target).length === 0)) return fc.constant(existing);
          return recordsOf(className, existing, count, referenced).map((records) => ({ ...existing, [className]: records }));
        }),
      );
    }
    return acc;
  });

  // ------------------------------------------------------------------------------------------ the write

  /** Groups of fields updates like to change together: a key with what its rules read (role + title, source + target). */
  const togetherOf = (className: string): string[][] => {
    const groups: string[][] = [];
    for (const rule of plan.filter((r) => r.class === className)) {
      const check = rule.check;
      if (check.kind === 'unique-together') groups.push([...check.fields]);
      if (check.kind === 'required-when' || check.kind === 'empty-when') groups.push([...check.fields, ...Object.keys(check.when)]);
      if (check.kind === 'referenced-by') {
        const title = rulesOn(className, check.attribute).length > 0 ? plan.find((r) => r.class === className && r.check.kind === 'unique-together')?.check : undefined;
        groups.push([check.attribute, ...(title && 'fields' in title ? title.fields : [])]);
      }
      if (check.kind === 'distinct-fields') groups.push([...check.fields]);
    }
    return groups;
  };

  function writeOf(className: string, existing: Record<string, StoredRecord[]>): fc.Arbitrary<Write> {
    const fields = fieldsOf(className);
    const valueArb = Object.fromEntries(fields.map((f) => [f.code, valuesOf(className, f, existing)]));
    const records = existing[className] ?? [];
    const create = fc
      .tuple(...fields.map((f) => fc.option(valueArb[f.code] as fc.Arbitrary<WriteValue>, { freq: f.mandatory ? 12 : 3, nil: undefined })))
      .map((values) => ({ class: className, op: 'create' as const, values: Object.fromEntries(fields.flatMap((f, i) => (values[i] === undefined ? [] : [[f.code, values[i] as WriteValue]]))) }));
    if (records.length === 0) return create;
    const groups = togetherOf(className);
    const codes = fields.map((f) => f.code);
    // Attributes a derived rule guards (the role AE-10 protects) are changed alone too: the other rules then pass.
    const guarded = plan.flatMap((r) => (r.class === className && r.check.kind === 'referenced-by' ? [r.check.attribute] : []));
    const chosen = fc.oneof(
      { weight: 3, arbitrary: fc.subarray(codes, { minLength: 1, maxLength: 4 }) },
      ...(groups.length > 0 ? [{ weight: 3, arbitrary: pick(groups).chain((g) => fc.subarray(g, { minLength: 1 })) }] : []),
      ...(guarded.length > 0 ? [{ weight: 2, arbitrary: fc.subarray([...new Set(guarded)], { minLength: 1 }) }] : []),
    );
    const update = fc
      .tuple(pick(records.map((r) => r.id)), chosen)
      .chain(([id, chosenCodes]) =>
        fc.tuple(...chosenCodes.map((code) => valueArb[code] as fc.Arbitrary<WriteValue>)).map((values) => ({
          class: className,
          op: 'update' as const,
          id,
          values: Object.fromEntries(chosenCodes.map((code, i) => [code, values[i] as WriteValue])),
        })),
      );
    return fc.oneof({ weight: 1, arbitrary: create }, { weight: 1, arbitrary: update });
  }

  /** A creation of a class referencing `className`, with a non-empty subset of those keys to point at the written object. */
  function companionOf(className: string, existing: Record<string, StoredRecord[]>): fc.Arbitrary<FuzzCase['companion']> {
    const referrers = classes.filter((c) => fieldsOf(c).some((f) => f.type === 'externalKey' && f.target === className));
    if (referrers.length === 0) return fc.constant(undefined);
    return pick(referrers).chain((referrer) => {
      const keys = fieldsOf(referrer).filter((f) => f.type === 'externalKey' && f.target === className).map((f) => f.code);
      const create = fieldsOf(referrer).filter((f) => !keys.includes(f.code));
      const others = fc.tuple(...create.map((f) => fc.option(valuesOf(referrer, f, existing), { freq: 6, nil: undefined })));
      const otherKeys = fc.tuple(...keys.map((k) => valuesOf(referrer, fieldsOf(referrer).find((f) => f.code === k) as WritableField, existing)));
      return fc.tuple(fc.subarray(keys, { minLength: 1 }), others, otherKeys).map(([chosen, values, keyValues]) => ({
        keys: chosen,
        write: {
          class: referrer,
          op: 'create' as const,
          values: Object.fromEntries([
            ...create.flatMap((f, i) => (values[i] === undefined ? [] : [[f.code, values[i] as WriteValue]])),
            ...keys.map((k, i) => [k, chosen.includes(k) ? null : (keyValues[i] as WriteValue)]),
          ]),
        },
      }));
    });
  }

  const fuzzCase: fc.Arbitrary<FuzzCase> = fc
    .tuple(dataset, pick(classes), pick<Language>(['en', 'de', 'fr']))
    .chain(([existing, className, lang]) =>
      fc.tuple(writeOf(className, existing), fc.option(companionOf(className, existing), { freq: 4, nil: undefined })).map(([write, companion]) => ({
        existing,
        write,
        lang,
        ...(companion ? { companion } : {}),
      })),
    );

  return { model, plan, classes, dataset, fuzzCase };
}
