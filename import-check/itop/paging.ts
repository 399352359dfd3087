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
 * complete; a larger one is split at the median id of the objects it returned (a sample of it) and read again.
 * The windows cover every id exactly once, so the union is the query's result, whatever the order of ties.
 * The first request (no window) is both the whole answer for a small query and the sample that places the
 * windows of a large one. An iTop without paging (REST 1.3) answers everything at once.
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
  /** Requests in flight at once. */
  concurrency: number;
  /** Called after each request with the objects it brought. */
  progress?: (objects: number) => void;
}

interface Window {
  lo: number | undefined;
  hi: number | undefined;
}

/** Every object of the query, by id (sorted by id). */
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
  // Windows of about 3/4 of a page each, placed at quantiles of the sample's ids.
  const sample = first.objects.map((o) => Number(o.key)).sort((a, b) => a - b);
  const count = Math.max(2, Math.ceil(first.total / (limit * 0.75)));
  const bounds: number[] = [];
  for (let i = 1; i < count; i++) {
    const bound = sample[Math.floor((i * sample.length) / count)] as number;
    if (bounds.at(-1) !== bound) bounds.push(bound);
  }
  const pending: Window[] = [];
  for (let i = 0; i <= bounds.length; i++) pending.push({ lo: bounds[i - 1], hi: bounds[i] });

  const readWindow = async (window: Window): Promise<void> => {
    const answer = await rest.get(query.className, query.oql(windowCondition(query.alias, window)), fields, limit, 1);
    if (answer.objects.length >= answer.total) {
      keep(answer.objects);
      return;
    }
    const ids = answer.objects.map((o) => Number(o.key)).sort((a, b) => a - b);
    const median = ids[Math.floor((ids.length - 1) / 2)] as number; // lo < median < hi: both halves are smaller
    pending.push({ lo: window.lo, hi: median }, { lo: median, hi: window.hi });
  };
  // A small pool: each worker takes the next window (split windows join the queue).
  const workers = Array.from({ length: Math.max(1, options.concurrency) }, async () => {
    for (let window = pending.shift(); window; window = pending.shift()) await readWindow(window);
  });
  await Promise.all(workers);
  // A worker may finish while another is still splitting: drain what is left.
  for (let window = pending.shift(); window; window = pending.shift()) await readWindow(window);
  return sorted(byId);
}

function windowCondition(alias: string, window: Window): string | undefined {
  const parts: string[] = [];
  if (window.lo !== undefined) parts.push(`${alias}.id > ${window.lo}`);
  if (window.hi !== undefined) parts.push(`${alias}.id <= ${window.hi}`);
  return parts.length ? parts.join(' AND ') : undefined;
}

function sorted(byId: Map<number, RestObject>): RestObject[] {
  return [...byId.keys()].sort((a, b) => a - b).map((id) => byId.get(id) as RestObject);
}
