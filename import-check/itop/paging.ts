/**
 * Reading every object of an OQL query through `core/get`, in pages, completely and deterministically.
 *
 * iTop's `limit` / `page` (REST 1.4, `core/restservices.class.inc.php:508-509` at 3.2.0) page a query sorted by
 * the class's default order (`DBObjectSet::GetRealSortOrder`, `core/dbobjectset.class.php:728-745`; without
 * `order_by_default` that is the friendly name, `MetaModel::GetOrderByDefault`), and REST cannot sort by id.
 * Friendly names repeat (an AE title is unique only within its organization), and MySQL orders ties as it likes,
 * possibly differently for each LIMIT: pages by offset could skip or repeat objects.
 *
 * So pages are id windows instead: `… AND id > lo AND id <= hi`, each read whole. iTop tells the size of the
 * whole query in `Found: N` (`DBObjectSet::Count()` ignores the limit): a window with N ≤ limit came back
 * complete; a larger one is narrowed and read again. The windows follow each other in id order from -∞, each
 * sized by the density of ids seen so far (about 4/5 of a page), and the last one, asked once as many objects
 * as the query holds have been read, is open to +∞: they cover every id exactly once, so the union is the
 * query's result, whatever the order of ties. The first request (no window) is the whole answer for a small
 * query, and gives the size and the ids' spread of a large one. An iTop without paging (REST 1.3) answers
 * everything at once.
 */
import type { ItopRest, RestObject } from './rest.js';

export interface PagedQuery {
  className: string;
  /** The OQL of the query, restricted to the id window when one is given (`alias.id > lo AND alias.id <= hi`). */
  oql: (window: string | undefined) => string;
  /** The alias of the selected class in the OQL. */
  alias: string;
}

export interface PagingOptions {
  pageSize: number;
  /** Called after each request with the objects it brought. */
  progress?: (objects: number) => void;
}

/** Every object of the query, sorted by id. */
export async function readPaged(rest: ItopRest, query: PagedQuery, fields: readonly string[], options: PagingOptions): Promise<RestObject[]> {
  const limit = Math.max(2, options.pageSize);
  const byId = new Map<number, RestObject>();
  const keep = (objects: RestObject[]) => {
    for (const object of objects) byId.set(Number(object.key), object);
    options.progress?.(objects.length);
  };
  const first = await rest.get(query.className, query.oql(undefined), fields, limit, 1);
  if (first.objects.length >= first.total || first.objects.length > limit) {
    // Complete: the query fits in a page (or the iTop does not page, REST 1.3).
    keep(first.objects);
    return sorted(byId);
  }
  const total = first.total;
  const target = Math.max(1, Math.floor(limit * 0.8));
  const sample = first.objects.map((o) => Number(o.key)).sort((a, b) => a - b);
  const low = sample[0] as number;
  // Objects per id, as if the query's objects were spread over the ids of the sample.
  let density = total / Math.max(1, (sample.at(-1) as number) - low + 1);
  let lo: number | undefined;
  let hi: number | undefined = low - 1 + Math.max(1, Math.floor(target / density));
  let read = 0;
  for (;;) {
    const answer = await rest.get(query.className, query.oql(windowCondition(query.alias, lo, hi)), fields, limit, 1);
    const from = lo ?? low - 1;
    if (answer.objects.length < answer.total) {
      // Too many in this window: narrow it (an open window gets an end) and read it again.
      const span: number = (hi ?? Math.max(from + 1, ...answer.objects.map((o) => Number(o.key)))) - from;
      hi = from + Math.max(1, Math.floor((span * target) / answer.total));
      continue;
    }
    keep(answer.objects);
    read += answer.objects.length;
    if (hi === undefined) return sorted(byId);
    density = Math.max(answer.objects.length, 1) / Math.max(1, hi - from);
    const width = Math.max(1, Math.min(Math.floor(target / density), (hi - from) * 4));
    lo = hi;
    hi = read >= total ? undefined : lo + width;
  }
}

function windowCondition(alias: string, lo: number | undefined, hi: number | undefined): string | undefined {
  const parts: string[] = [];
  if (lo !== undefined) parts.push(`${alias}.id > ${lo}`);
  if (hi !== undefined) parts.push(`${alias}.id <= ${hi}`);
  return parts.length ? parts.join(' AND ') : undefined;
}

function sorted(byId: Map<number, RestObject>): RestObject[] {
  return [...byId.keys()].sort((a, b) => a - b).map((id) => byId.get(id) as RestObject);
}
