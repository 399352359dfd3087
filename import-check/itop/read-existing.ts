/**
 * `check --itop URL`: the objects the import files can touch, read from iTop through REST (read only), instead of
 * exports given by hand (docs/IMPORT-CHECK.md, "Reading iTop").
 *
 * 1. The files are read once beforehand (header and the cells of references and ids): which organizations they
 *    name (by name, code, id, or through an AE's `org_name`), which equipment and CIs, which AEs and links by id.
 * 2. Then, in this order, each by `core/get` in pages (paging.ts), with only the attributes needed:
 *    - the organizations named (`name IN (…)`, `code IN (…)`, `id IN (…)`);
 *    - the other referenced classes (Medical Imaging Equipment, Functional CIs…) by the attribute given;
 *    - the AEs of those organizations (reconciliation, AE-2, AE-9), and the AEs named otherwise (by title
 *      alone, by id);
 *    - the links of those organizations (reconciliation, LNK-4), the links from or to their AEs (AE-10: a role
 *      change checks every link of the AE, whatever the link's organization) and the links named by id.
 *    Names are compared by MySQL in iTop (`IN`), as the import's own searches compare them, so a name that
 *    differs in case or trailing spaces is read too; the check then matches exactly as with exports.
 * 3. The classes read are then authoritative: what iTop does not hold does not exist (an unknown organization is
 *    reported, not assumed).
 */
import { AE_CLASS, LINK_CLASS } from '../check.js';
import { readCsv, type CsvSource } from '../csv/read-csv.js';
import type { Language } from '../../model/schema/model.js';
import { phpIntCast } from '../../governance/engine/values.js';
import type { ModelSchemas } from '../schema/class-schema.js';
import { mapHeader } from '../schema/header.js';
import { readPaged, type PagedQuery } from './paging.js';
import { batches, oqlIn } from './oql.js';
import { ItopRest, type ItopConnection, type RestObject } from './rest.js';

export interface ItopReadOptions extends ItopConnection {
  /** Objects per request (default 1000). */
  pageSize?: number;
  /** Progress and timing lines (stderr); called on long reads only. */
  log?: (line: string) => void;
  /** Milliseconds after which progress is shown (default 2000). */
  progressAfterMs?: number;
}

/** Objects read, per class, in the order to load them, each object's fields as iTop gave them. */
export interface ItopSnapshot {
  url: string;
  classes: { className: string; objects: RestObject[] }[];
  requests: number;
  milliseconds: number;
}

const ORG = 'Organization';
/** Values per `IN (…)` list: keeps each OQL query a few kB long. */
const IN_BATCH = 500;

type Value = string | number;

/** What the files ask of a class: values per attribute (`IN` lists), external keys to follow, or everything. */
interface Wanted {
  byAttribute: Map<string, Set<Value>>;
  /** Attributes the references name (to put in output_fields). */
  named: Set<string>;
  whole: boolean;
}

export class ItopReader {
  private readonly wanted = new Map<string, Wanted>();
  /** Writable attributes the import files write, per class (text attributes are read only when written). */
  private readonly written = new Map<string, Set<string>>();

  constructor(
    private readonly schemas: ModelSchemas,
    private readonly lang: Language,
  ) {}

  private want(className: string): Wanted {
    let wanted = this.wanted.get(className);
    if (!wanted) this.wanted.set(className, (wanted = { byAttribute: new Map(), named: new Set(), whole: false }));
    return wanted;
  }

  private add(className: string, attribute: string, value: Value): void {
    const wanted = this.want(className);
    let values = wanted.byAttribute.get(attribute);
    if (!values) wanted.byAttribute.set(attribute, (values = new Set()));
    values.add(value);
  }

  /** Step 1: what a file (AE or link) references, from its header and cells. */
  async scan(source: CsvSource, className: string): Promise<void> {
    const schema = this.schemas.of(className);
    type Plan = { kind: 'id' | 'key'; target: string; index: number } | { kind: 'reference'; target: string; attributes: string[]; indexes: number[] };
    const plans: Plan[] = [];
    const written = this.written.get(className) ?? new Set<string>();
    this.written.set(className, written);
    await readCsv(
      source,
      (header) => {
        const mapping = mapHeader(this.schemas, className, header.cells, source.name, this.lang);
        if (mapping.idColumn !== undefined) plans.push({ kind: 'id', target: className, index: mapping.idColumn });
        for (const [code, index] of mapping.attributes) {
          written.add(code);
          const field = schema.writable.get(code);
          if (field?.type === 'externalKey') plans.push({ kind: 'key', target: field.target, index });
        }
        for (const [key, reference] of mapping.references) {
          written.add(key);
          const field = schema.writable.get(key);
          if (field?.type === 'externalKey') plans.push({ kind: 'reference', target: field.target, attributes: reference.attributes, indexes: reference.indexes });
        }
      },
      (cells) => {
        for (const plan of plans) {
          if (plan.kind !== 'reference') {
            const id = phpIntCast(cells[plan.index] as string);
            if (id > 0) this.add(plan.target, 'id', id);
            continue;
          }
          const given = plan.indexes.map((index) => cells[index] as string);
          if (given.every((value) => value === '')) continue;
          this.reference(plan.target, plan.attributes, given);
        }
      },
    );
  }

  /**
   * A reference to `target` by `attributes` = `given`: which objects may match, as a superset iTop can select:
   * by id; through an external key (an AE's `org_name` is a name of an organization, whose AEs are read); by a
   * plain attribute; by the friendly name's attribute. The exact match is left to the check.
   */
  private reference(target: string, attributes: readonly string[], given: readonly string[]): void {
    const schema = this.schemas.of(target);
    const wanted = this.want(target);
    for (const attribute of attributes) if (attribute !== 'id' && attribute !== 'friendlyname') wanted.named.add(attribute);
    const at = (attribute: string) => given[attributes.indexOf(attribute)] as string;
    if (attributes.includes('id')) {
      const id = phpIntCast(at('id'));
      if (id > 0) this.add(target, 'id', id);
      return;
    }
    // Through an external key of the target: its own target is read by the attribute, the target by the key.
    for (const attribute of attributes) {
      const external = schema.externalFields.get(attribute);
      const key = external ? schema.writable.get(external.key) : schema.writable.get(attribute);
      if (key?.type !== 'externalKey' || (target !== AE_CLASS && target !== LINK_CLASS)) continue;
      if (external) this.reference(key.target, [external.targetAttribute], [at(attribute)]);
      else {
        const id = phpIntCast(at(attribute));
        if (id > 0) this.add(key.target, 'id', id);
      }
      this.follow(target, external ? external.key : attribute);
      return;
    }
    const plain = attributes.find((a) => a !== 'friendlyname' && !schema.externalFields.has(a) && schema.attributes.has(a));
    if (plain) {
      const field = schema.writable.get(plain);
      this.add(target, plain, field?.type === 'externalKey' ? phpIntCast(at(plain)) : at(plain));
      return;
    }
    if (attributes.includes('friendlyname') && schema.friendlyName.length === 1) {
      this.add(target, schema.friendlyName[0] as string, at('friendlyname'));
      return;
    }
    wanted.whole = true;
  }

  /** Objects of `className` are read by `key IN (ids of the key's target read)`. */
  private follow(className: string, key: string): void {
    this.want(className).byAttribute.set(`->${key}`, new Set());
  }

  /** Step 2: reads what the files touch. */
  async read(options: ItopReadOptions): Promise<ItopSnapshot> {
    const started = Date.now();
    const rest = new ItopRest(options);
    const progressAfter = options.progressAfterMs ?? 2000;
    let lastProgress = 0;
    let readSoFar = 0;
    const log = options.log;
    const tick = (className: string) => (objects: number) => {
      readSoFar += objects;
      const now = Date.now();
      if (log && now - started >= progressAfter && now - lastProgress >= 1000) {
        lastProgress = now;
        log(`reading ${rest.where}: ${readSoFar} objects so far (${className}), ${((now - started) / 1000).toFixed(1)} s`);
      }
    };
    const paging = { pageSize: options.pageSize ?? 1000 };
    const classes: ItopSnapshot['classes'] = [];
    try {
      await rest.open();
      // Organizations first (AEs and links are read by their ids), then the other referenced iTop classes.
      const others = [...this.wanted.keys()].filter((c) => c !== ORG && c !== AE_CLASS && c !== LINK_CLASS).sort();
      const ids = new Map<string, number[]>();
      for (const className of [ORG, ...others]) {
        const wanted = this.wanted.get(className);
        if (!wanted) {
          if (className === ORG) classes.push({ className, objects: [] });
          continue;
        }
        const objects = await this.readClass(rest, className, this.conditions(className, wanted, ids), this.fieldsOf(className, wanted), paging, tick(className));
        ids.set(className, objects.map((o) => Number(o.key)));
        classes.push({ className, objects });
      }
      // AEs: of the organizations read, and those named otherwise.
      const orgIds = ids.get(ORG) ?? [];
      const aeWanted = this.want(AE_CLASS);
      const aeConditions = [...this.conditions(AE_CLASS, aeWanted, ids, ['->org_id']), ...inConditions('o.org_id', orgIds)];
      const aes = await this.readClass(rest, AE_CLASS, aeConditions, this.fieldsOf(AE_CLASS, aeWanted), paging, tick(AE_CLASS));
      classes.push({ className: AE_CLASS, objects: aes });
      // Links: of the organizations, from or to their AEs (whatever the link's organization), from or to the
      // other AEs read, and those named by id.
      const orgSet = new Set(orgIds);
      const otherAes = aes.filter((ae) => !orgSet.has(phpIntCast(String(ae.fields['org_id'] ?? '0')))).map((ae) => Number(ae.key));
      const linkWanted = this.want(LINK_CLASS);
      const linkConditions: Condition[] = [
        ...this.conditions(LINK_CLASS, linkWanted, ids, ['->org_id', '->source_ae_id', '->target_ae_id']),
        ...inConditions('o.org_id', orgIds),
        ...inConditions('a.org_id', orgIds).map((c) => ({ ...c, join: 'source_ae_id' })),
        ...inConditions('a.org_id', orgIds).map((c) => ({ ...c, join: 'target_ae_id' })),
        ...inConditions('o.source_ae_id', otherAes),
        ...inConditions('o.target_ae_id', otherAes),
      ];
      const links = await this.readClass(rest, LINK_CLASS, linkConditions, this.fieldsOf(LINK_CLASS, linkWanted), paging, tick(LINK_CLASS));
      classes.push({ className: LINK_CLASS, objects: links });
    } finally {
      rest.close();
    }
    const milliseconds = Date.now() - started;
    if (log && milliseconds >= 1000) {
      const counts = classes.map((c) => `${c.objects.length} ${c.className}`).join(', ');
      log(`read from ${rest.where} in ${(milliseconds / 1000).toFixed(1)} s (${rest.requests} requests): ${counts}`);
    }
    return { url: rest.where.replace(/^iTop at /, ''), classes, requests: rest.requests, milliseconds };
  }

  /** The `IN` conditions of what the files ask of a class (`->key`: by the ids of the key's target read). */
  private conditions(className: string, wanted: Wanted, ids: Map<string, number[]>, skip: string[] = []): Condition[] {
    if (wanted.whole) return [{ where: undefined }];
    const schema = this.schemas.of(className);
    const conditions: Condition[] = [];
    for (const [attribute, values] of [...wanted.byAttribute].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (skip.includes(attribute)) continue;
      if (attribute.startsWith('->')) {
        const key = attribute.slice(2);
        const field = schema.writable.get(key);
        if (field?.type === 'externalKey') conditions.push(...inConditions(`o.${key}`, ids.get(field.target) ?? []));
        continue;
      }
      conditions.push(...inConditions(`o.${attribute}`, [...values].sort(compareValues)));
    }
    return conditions;
  }

  /** output_fields: what the rules and the searches read, no more. */
  private fieldsOf(className: string, wanted: Wanted): string[] {
    const schema = this.schemas.of(className);
    const fields = new Set<string>(['id']);
    if (className === AE_CLASS || className === LINK_CLASS) {
      // Every attribute a rule or iTop's own checks read; long text only when a file writes it (its "unchanged").
      const written = this.written.get(className) ?? new Set();
      for (const [code, field] of schema.writable) if (field.type !== 'text' || written.has(code)) fields.add(code);
    } else {
      for (const code of schema.friendlyName) fields.add(code);
    }
    for (const attribute of wanted.named) if (schema.attributes.has(attribute) && !schema.externalFields.has(attribute)) fields.add(attribute);
    return [...fields];
  }

  private async readClass(rest: ItopRest, className: string, conditions: Condition[], fields: string[], paging: { pageSize: number }, progress: (n: number) => void): Promise<RestObject[]> {
    const byId = new Map<number, RestObject>();
    for (const condition of conditions) {
      const head = condition.join
        ? `SELECT o FROM ${className} AS o JOIN ${AE_CLASS} AS a ON o.${condition.join} = a.id`
        : `SELECT ${className} AS o`;
      const query: PagedQuery = {
        className,
        alias: 'o',
        oql: (window) => {
          const parts = [condition.where, window].filter((p): p is string => p !== undefined);
          return parts.length ? `${head} WHERE ${parts.map((p) => `(${p})`).join(' AND ')}` : head;
        },
      };
      for (const object of await readPaged(rest, query, fields, { ...paging, progress })) byId.set(Number(object.key), object);
    }
    return [...byId.keys()].sort((a, b) => a - b).map((id) => byId.get(id) as RestObject);
  }
}

interface Condition {
  where: string | undefined;
  /** Links through their AE: `source_ae_id` or `target_ae_id` joined to the AE aliased `a`. */
  join?: string;
}

function inConditions(attribute: string, values: readonly Value[]): Condition[] {
  return batches(values, IN_BATCH).map((batch) => ({ where: oqlIn(attribute, batch) }));
}

function compareValues(a: Value, b: Value): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}
