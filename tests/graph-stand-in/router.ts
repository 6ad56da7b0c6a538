import { graphError, type StandInRequest, type StandInResponse } from './graph-response';
import { createItem, getItem, itemsDelta, listItems, updateFields } from './item-routes';
import { createColumn, createList, getList, listColumns, listLists, updateColumn } from './list-routes';
import type { SiteStore } from './site-store';

const ROUTE = /^\/sites\/([^/]+)\/lists(?:\/([^/]+)(?:\/(columns|items)(?:\/([^/]+)(?:\/(fields))?)?)?)?\/?$/;

interface Parsed {
  site: string;
  list?: string;
  collection?: 'columns' | 'items';
  member?: string;
  fields: boolean;
}

function parse(path: string): Parsed | undefined {
  const m = ROUTE.exec(path);
  if (!m) return undefined;
  const dec = (s: string | undefined) => (s === undefined ? undefined : decodeURIComponent(s));
  return { site: dec(m[1])!, list: dec(m[2]), collection: m[3] as Parsed['collection'], member: dec(m[4]), fields: m[5] === 'fields' };
}

/**
 * A stable name for what a request does, used for request counting and for aiming faults,
 * e.g. `list items`, `create item`, `update fields`, `$batch`.
 */
export function operationOf(method: string, path: string): string {
  if (/^\/?\$batch$/.test(path)) return '$batch';
  const p = parse(path);
  if (!p) return `${method} ${path}`;
  const verb =
    method === 'GET'
      ? p.member || (p.list && !p.collection)
        ? 'get'
        : 'list'
      : method === 'POST'
        ? 'create'
        : method === 'PATCH'
          ? 'update'
          : method.toLowerCase();
  if (!p.list) return `${verb} ${verb === 'list' ? 'lists' : 'list'}`;
  if (!p.collection) return `${verb} list`;
  if (p.collection === 'columns') return `${verb} ${p.member || verb === 'create' ? 'column' : 'columns'}`;
  if (p.fields) return `${verb} fields`;
  if (p.member === 'delta') return 'items delta';
  return `${verb} ${p.member || verb === 'create' ? 'item' : 'items'}`;
}

/** Routes one request against the in-memory site. `$batch` is handled by the caller. */
export function route(store: SiteStore, req: StandInRequest): StandInResponse {
  const p = parse(req.path);
  if (!p) return graphError(400, 'BadRequest', `Resource not found for the segment '${req.path}'.`);
  if (p.site !== store.siteId) return graphError(404, 'itemNotFound', 'Requested site could not be found');
  const { method } = req;
  if (!p.list) {
    if (method === 'GET') return listLists(store);
    if (method === 'POST') return createList(store, req);
    return graphError(405, 'BadRequest', 'Method not allowed');
  }
  const list = store.findList(p.list);
  if (!list) return graphError(404, 'itemNotFound', 'The specified list was not found');
  if (!p.collection) return method === 'GET' ? getList(list) : graphError(405, 'BadRequest', 'Method not allowed');
  if (p.collection === 'columns') {
    if (!p.member && method === 'GET') return listColumns(list, req);
    if (!p.member && method === 'POST') return createColumn(store, list, req);
    if (p.member && method === 'PATCH') return updateColumn(list, p.member, req);
    return graphError(405, 'BadRequest', 'Method not allowed');
  }
  if (!p.member) {
    if (method === 'GET') return listItems(list, req);
    // A library's items are its files and folders, made through its drive (drive-routes.ts).
    if (method === 'POST' && list.template === 'documentLibrary')
      return graphError(400, 'invalidRequest', 'Files and folders should only be added to a DocumentLibrary via the OneDrive API');
    if (method === 'POST') return createItem(store, list, req);
    return graphError(405, 'BadRequest', 'Method not allowed');
  }
  if (p.member === 'delta' && !p.fields)
    return method === 'GET' ? itemsDelta(list, req) : graphError(405, 'BadRequest', 'Method not allowed');
  const item = list.items.get(p.member);
  if (!item) return graphError(404, 'itemNotFound', 'The resource could not be found.');
  if (method === 'GET') return getItem(list, item, req, p.fields);
  if (method === 'PATCH') return updateFields(list, item, req, !p.fields);
  // There is deliberately no DELETE: nothing in this app ever deletes.
  return graphError(405, 'BadRequest', 'Method not allowed');
}
