import { collectionPage, graphError, json, type StandInRequest, type StandInResponse } from './graph-response';
import type { SiteStore, StoredColumn, StoredList } from './site-store';

function listJson(list: StoredList): Record<string, unknown> {
  return {
    id: list.id,
    displayName: list.displayName,
    name: list.displayName.replace(/\s+/g, ''),
    createdDateTime: list.createdDateTime,
    list: { template: list.template },
  };
}

export function columnJson(column: StoredColumn): Record<string, unknown> {
  return {
    id: column.id,
    name: column.name,
    displayName: column.displayName,
    indexed: column.indexed,
    enforceUniqueValues: column.enforceUniqueValues,
    ...column.definition,
  };
}

/** GET /sites/{site-id}/lists — https://learn.microsoft.com/graph/api/list-list */
export function listLists(store: SiteStore): StandInResponse {
  return json(200, { value: store.lists.map(listJson) });
}

/**
 * POST /sites/{site-id}/lists with `{ displayName, columns?, list: { template } }` -> 201 Created.
 * https://learn.microsoft.com/graph/api/list-create
 */
export function createList(store: SiteStore, req: StandInRequest): StandInResponse {
  const body = (req.body ?? {}) as { displayName?: unknown; columns?: unknown; list?: { template?: unknown } };
  if (typeof body.displayName !== 'string' || !body.displayName.trim()) return graphError(400, 'invalidRequest', 'displayName is required');
  if (store.findList(body.displayName))
    return graphError(
      409,
      'nameAlreadyExists',
      'A list, survey, discussion board, or document library with the specified title already exists in this Web site.',
    );
  const template = body.list?.template ?? 'genericList';
  if (template !== 'genericList' && template !== 'documentLibrary')
    return graphError(400, 'invalidRequest', `The stand-in makes genericList and documentLibrary lists, not ${String(template)}`);
  const list = store.createList(body.displayName, template);
  for (const column of Array.isArray(body.columns) ? (body.columns as Record<string, unknown>[]) : []) store.addColumn(list, column);
  return json(201, listJson(list));
}

/** GET /sites/{site-id}/lists/{list-id | list-title} — https://learn.microsoft.com/graph/api/list-get */
export function getList(list: StoredList): StandInResponse {
  return json(200, listJson(list));
}

/**
 * GET /sites/{site-id}/lists/{list-id}/columns — https://learn.microsoft.com/graph/api/list-list-columns
 * Paged like any collection (https://learn.microsoft.com/graph/paging): a real list also holds
 * SharePoint's own columns, so ours may be on a second page. `COLUMNS_PAGE_SIZE` makes that happen here.
 */
export const COLUMNS_PAGE_SIZE = 10;

export function listColumns(list: StoredList, req: StandInRequest): StandInResponse {
  return collectionPage(list.columns.map(columnJson), req, COLUMNS_PAGE_SIZE);
}

/**
 * POST /sites/{site-id}/lists/{list-id}/columns with a columnDefinition (`name`, `text`, `indexed`, ...) -> 201.
 * https://learn.microsoft.com/graph/api/list-post-columns
 * https://learn.microsoft.com/graph/api/resources/columndefinition ("indexed: Specifies whether the column values can be used for sorting and searching")
 */
export function createColumn(store: SiteStore, list: StoredList, req: StandInRequest): StandInResponse {
  const body = (req.body ?? {}) as Record<string, unknown>;
  if (typeof body.name !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(body.name))
    return graphError(400, 'invalidRequest', 'A column name is required and may contain only letters, digits and _');
  if (list.columns.some((c) => c.name.toLowerCase() === String(body.name).toLowerCase())) {
    return graphError(409, 'nameAlreadyExists', `A duplicate field name "${body.name}" was found.`);
  }
  if (body.enforceUniqueValues === true && body.indexed !== true) return uniqueNeedsIndex();
  return json(201, columnJson(store.addColumn(list, body)));
}

/**
 * SharePoint enforces unique values through the column's index, so uniqueness without `indexed: true` is refused.
 * https://learn.microsoft.com/graph/api/resources/columndefinition (`enforceUniqueValues`), and the same rule for
 * SharePoint fields: https://learn.microsoft.com/previous-versions/office/sharepoint-csom/ee543809(v=office.15)
 * ("When you set this property to true, you should also set the Indexed property to true.")
 */
function uniqueNeedsIndex(): StandInResponse {
  return graphError(400, 'invalidRequest', 'A column that enforces unique values must be indexed.');
}

/** PATCH /sites/{site-id}/lists/{list-id}/columns/{column-id} — https://learn.microsoft.com/graph/api/columndefinition-update */
export function updateColumn(list: StoredList, columnId: string, req: StandInRequest): StandInResponse {
  const column = list.columns.find((c) => c.id === columnId || c.name === columnId);
  if (!column) return graphError(404, 'itemNotFound', `Column ${columnId} does not exist.`);
  const { indexed, displayName, enforceUniqueValues, ...rest } = (req.body ?? {}) as Record<string, unknown>;
  const willBeUnique = typeof enforceUniqueValues === 'boolean' ? enforceUniqueValues : column.enforceUniqueValues;
  const willBeIndexed = typeof indexed === 'boolean' ? indexed : column.indexed;
  if (willBeUnique && !willBeIndexed) return uniqueNeedsIndex();
  if (willBeUnique && !column.enforceUniqueValues) {
    const values = [...list.items.values()]
      .map((item) => item.fields[column.name])
      .filter((v) => v !== undefined && v !== null && v !== '');
    if (new Set(values).size !== values.length)
      return graphError(400, 'invalidRequest', 'This column cannot enforce unique values because it already holds duplicate values.');
  }
  if (typeof enforceUniqueValues === 'boolean') column.enforceUniqueValues = enforceUniqueValues;
  if (typeof indexed === 'boolean') column.indexed = indexed;
  if (typeof displayName === 'string') column.displayName = displayName;
  Object.assign(column.definition, rest);
  return json(200, columnJson(column));
}
