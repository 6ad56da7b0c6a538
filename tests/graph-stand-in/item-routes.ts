import { collectionPage, graphError, json, type StandInRequest, type StandInResponse } from './graph-response';
import { FilterSyntaxError, filterFields, matches, parseFilter, parseOrderBy, sortBy } from './odata-filter';
import { duplicateUniqueColumn, etagOf, type SiteStore, type StoredItem, type StoredList } from './site-store';

/** Graph's default page for list items when no `$top` is given. */
export const DEFAULT_PAGE_SIZE = 200;

const HONOR_NON_INDEXED = 'HonorNonIndexedQueriesWarningMayFailRandomly';

/** Only values of columns that still exist are returned, as SharePoint does after a column is deleted. */
function fieldsJson(list: StoredList, item: StoredItem): Record<string, unknown> {
  const fields: Record<string, unknown> = { '@odata.etag': etagOf(item), id: item.id };
  for (const column of list.columns) {
    if (column.name in item.fields) fields[column.name] = item.fields[column.name];
  }
  return fields;
}

/** A listItem; `fields` only with `expand=fields`. https://learn.microsoft.com/graph/api/resources/listitem */
function itemJson(list: StoredList, item: StoredItem, expandFields: boolean): Record<string, unknown> {
  const etag = etagOf(item);
  return {
    '@odata.etag': etag,
    id: item.id,
    eTag: etag,
    createdDateTime: item.createdDateTime,
    lastModifiedDateTime: item.lastModifiedDateTime,
    contentType: { id: '0x01', name: 'Item' },
    ...(expandFields ? { fields: fieldsJson(list, item) } : {}),
  };
}

function wantsFields(query: URLSearchParams): boolean {
  return [query.get('expand'), query.get('$expand')].some((v) => v !== null && /^fields(\(|$)/.test(v));
}

/**
 * Field values are checked against the list's columns: an unknown name is refused, and a single line of
 * text holds at most 255 characters. https://learn.microsoft.com/graph/api/resources/textcolumn
 */
function checkFields(list: StoredList, fields: unknown): { error: StandInResponse } | { values: Record<string, unknown> } {
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields))
    return { error: graphError(400, 'invalidRequest', 'fields must be an object') };
  for (const [name, value] of Object.entries(fields)) {
    if (name === '@odata.etag') continue;
    const column = list.columns.find((c) => c.name === name);
    if (!column) return { error: graphError(400, 'invalidRequest', `Field '${name}' is not recognized`) };
    const text = column.definition.text as { allowMultipleLines?: boolean; maxLength?: number } | undefined;
    const max = text?.allowMultipleLines ? 63999 : (text?.maxLength ?? 255);
    if (typeof value === 'string' && value.length > max) {
      return { error: graphError(400, 'invalidRequest', `The value of field '${name}' is longer than ${max} characters`) };
    }
  }
  const { '@odata.etag': _ignored, ...values } = fields as Record<string, unknown>;
  return { values };
}

/**
 * GET /sites/{site-id}/lists/{list-id}/items?expand=fields&$filter=...&$orderby=...&$top=...
 * https://learn.microsoft.com/graph/api/listitem-list
 * Filtering or ordering on a column that is not indexed fails with Graph's 400 unless the caller sends
 * `Prefer: HonorNonIndexedQueriesWarningMayFailRandomly` (documented under "Optional request headers" there).
 * Pages: `$top` sets the page size and `@odata.nextLink` is an absolute URL carrying `$skiptoken`.
 * https://learn.microsoft.com/graph/paging
 */
export function listItems(list: StoredList, req: StandInRequest): StandInResponse {
  const honorNonIndexed = (req.headers.prefer ?? '').includes(HONOR_NON_INDEXED);
  let filter;
  let order;
  try {
    filter = req.query.get('$filter') ? parseFilter(req.query.get('$filter')!) : undefined;
    order = req.query.get('$orderby') ? parseOrderBy(req.query.get('$orderby')!) : [];
  } catch (error) {
    return graphError(400, 'invalidRequest', (error as FilterSyntaxError).message);
  }
  for (const field of [...(filter ? filterFields(filter) : []), ...order.map((o) => o.field)]) {
    const column = list.columns.find((c) => c.name === field);
    if (!column) return graphError(400, 'invalidRequest', `Field '${field}' does not exist. It may have been deleted by another user.`);
    if (!column.indexed && !honorNonIndexed) {
      return graphError(
        400,
        'invalidRequest',
        `Field '${field}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: ${HONOR_NON_INDEXED}' header to allow this, but be warned that such queries may fail on large lists.`,
      );
    }
  }
  const selected = [...list.items.values()].filter((item) => !filter || matches(filter, item.fields));
  const sorted = order.length ? sortBy(selected, order) : selected;
  return collectionPage(
    sorted.map((item) => itemJson(list, item, wantsFields(req.query))),
    req,
    DEFAULT_PAGE_SIZE,
  );
}

/**
 * A create or update that would give a unique column (`enforceUniqueValues`) a value another item holds
 * -> 409 Conflict, and nothing is written. https://learn.microsoft.com/graph/api/resources/columndefinition
 */
function duplicateValue(column: string): StandInResponse {
  return graphError(
    409,
    'conflict',
    `The list item could not be added or updated because duplicate values were found in the following field(s) in the list: ${column}.`,
  );
}

/**
 * POST /sites/{site-id}/lists/{list-id}/items with `{ fields: {...} }` -> 201 Created and the new listItem.
 * https://learn.microsoft.com/graph/api/listitem-create
 */
export function createItem(store: SiteStore, list: StoredList, req: StandInRequest): StandInResponse {
  const checked = checkFields(list, (req.body as { fields?: unknown } | undefined)?.fields ?? {});
  if ('error' in checked) return checked.error;
  const duplicate = duplicateUniqueColumn(list, checked.values);
  if (duplicate) return duplicateValue(duplicate);
  return json(201, itemJson(list, store.addItem(list, checked.values), true));
}

/** GET .../items/{item-id} and .../items/{item-id}/fields — https://learn.microsoft.com/graph/api/listitem-get */
export function getItem(list: StoredList, item: StoredItem, req: StandInRequest, fieldsOnly: boolean): StandInResponse {
  const etag = etagOf(item);
  return fieldsOnly ? json(200, fieldsJson(list, item), { etag }) : json(200, itemJson(list, item, wantsFields(req.query)), { etag });
}

/**
 * PATCH .../items/{item-id}/fields with the changed values -> 200 and the fieldValueSet.
 * `If-Match` with an eTag that is no longer current -> 412 Precondition Failed and nothing changes.
 * https://learn.microsoft.com/graph/api/listitem-update ("If-Match ... If the eTag provided does not match the
 * current tag on the item, a 412 Precondition Failed response is returned and the item will not be updated.")
 */
export function updateFields(list: StoredList, item: StoredItem, req: StandInRequest, wrapped: boolean): StandInResponse {
  const ifMatch = req.headers['if-match'];
  if (ifMatch && ifMatch !== '*' && ifMatch !== etagOf(item)) {
    return graphError(
      412,
      'preconditionFailed',
      `The request ETag value '${ifMatch}' does not match the object's ETag value '${etagOf(item)}'.`,
    );
  }
  const incoming = wrapped ? ((req.body as { fields?: unknown } | undefined)?.fields ?? {}) : req.body;
  const checked = checkFields(list, incoming);
  if ('error' in checked) return checked.error;
  const duplicate = duplicateUniqueColumn(list, checked.values, item.id);
  if (duplicate) return duplicateValue(duplicate);
  Object.assign(item.fields, checked.values);
  item.etagVersion += 1;
  item.lastModifiedDateTime = new Date().toISOString();
  item.changeSeq = ++list.changeCounter;
  return wrapped ? json(200, itemJson(list, item, true)) : json(200, fieldsJson(list, item), { etag: etagOf(item) });
}

/**
 * GET /sites/{site-id}/lists/{list-id}/items/delta?token=...  https://learn.microsoft.com/graph/api/listitem-delta
 * No token: every item, then an `@odata.deltaLink`. `token=latest`: no items, just the deltaLink for
 * "from now". A token from an earlier deltaLink: the items created or changed since, each once, in
 * their latest state. `expand=fields` works as on the item list; a token that is not ours is 410 Gone
 * (the documented "start again" answer, `resyncRequired`).
 */
export function itemsDelta(list: StoredList, req: StandInRequest): StandInResponse {
  const token = req.query.get('token');
  const since = token === null ? 0 : token === 'latest' ? list.changeCounter : Number(token);
  if (!Number.isInteger(since) || since < 0 || since > list.changeCounter) {
    return graphError(410, 'resyncRequired', 'The delta token is no longer valid. Start a new delta enumeration.');
  }
  const changed = [...list.items.values()].filter((item) => item.changeSeq > since).sort((a, b) => a.changeSeq - b.changeSeq);
  const next = new URLSearchParams(req.query);
  next.set('token', String(list.changeCounter));
  return json(200, {
    value: changed.map((item) => itemJson(list, item, wantsFields(req.query))),
    '@odata.deltaLink': `${req.root}${req.path}?${next.toString()}`,
  });
}
