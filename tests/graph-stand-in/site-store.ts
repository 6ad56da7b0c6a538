import { randomUUID } from 'node:crypto';
import { DriveStore } from './drive-store';

/**
 * In-memory SharePoint site: lists, their columns and their items. Shapes follow Graph's resources:
 * https://learn.microsoft.com/graph/api/resources/list
 * https://learn.microsoft.com/graph/api/resources/columndefinition
 * https://learn.microsoft.com/graph/api/resources/listitem
 */
export interface StoredColumn {
  id: string;
  name: string;
  displayName: string;
  indexed: boolean;
  /** `enforceUniqueValues`: no two items may hold the same value (only allowed on an indexed column). */
  enforceUniqueValues: boolean;
  /** The rest of the columnDefinition as posted, e.g. `text: { allowMultipleLines: true }`. */
  definition: Record<string, unknown>;
}

export interface StoredItem {
  id: string;
  /** SharePoint eTags look like `"{guid},{version}"`; the version bumps on every write. */
  guid: string;
  etagVersion: number;
  fields: Record<string, unknown>;
  createdDateTime: string;
  lastModifiedDateTime: string;
  /** The list's change number when this item was last written: what `items/delta` compares a token with. */
  changeSeq: number;
}

export interface StoredList {
  id: string;
  displayName: string;
  /** `documentLibrary` lists hold files, reached as a drive (https://learn.microsoft.com/graph/api/resources/list). */
  template: 'genericList' | 'documentLibrary';
  createdDateTime: string;
  columns: StoredColumn[];
  items: Map<string, StoredItem>;
  nextItemId: number;
  /** Counts every write to the list's items; a delta token is a value of it. */
  changeCounter: number;
}

/**
 * Every list starts with SharePoint's built-in Title column (a single line of text, not indexed); a
 * document library also has `FileLeafRef`, the file's name.
 */
function builtInColumns(template: StoredList['template']): StoredColumn[] {
  const builtIn = (id: string, name: string, displayName: string): StoredColumn => ({
    id,
    name,
    displayName,
    indexed: false,
    enforceUniqueValues: false,
    definition: { text: { allowMultipleLines: false, maxLength: 255 } },
  });
  return [
    builtIn('fa564e0f-0c70-4ab9-b863-0177e6ddd247', 'Title', 'Title'),
    ...(template === 'documentLibrary' ? [builtIn('8553196d-ec8d-4564-9861-3dbe931050c8', 'FileLeafRef', 'Name')] : []),
  ];
}

export class SiteStore {
  readonly lists: StoredList[] = [];
  /** The files of its document libraries. */
  readonly drives = new DriveStore(this);

  constructor(readonly siteId: string) {}

  /** Graph addresses a list by id or by title: `lists/{list-id}` or `lists/{list-title}` (list-get). */
  findList(idOrTitle: string): StoredList | undefined {
    const key = idOrTitle.toLowerCase();
    return this.lists.find((l) => l.id === idOrTitle || l.displayName.toLowerCase() === key);
  }

  createList(displayName: string, template: StoredList['template'] = 'genericList'): StoredList {
    const list: StoredList = {
      id: randomUUID(),
      displayName,
      template,
      createdDateTime: new Date().toISOString(),
      columns: builtInColumns(template),
      items: new Map(),
      nextItemId: 1,
      changeCounter: 0,
    };
    this.lists.push(list);
    if (template === 'documentLibrary') this.drives.createFor(list);
    return list;
  }

  addColumn(list: StoredList, definition: Record<string, unknown>): StoredColumn {
    const { name, displayName, indexed, enforceUniqueValues, ...rest } = definition;
    const column: StoredColumn = {
      id: randomUUID(),
      name: String(name),
      displayName: typeof displayName === 'string' ? displayName : String(name),
      indexed: indexed === true,
      enforceUniqueValues: enforceUniqueValues === true,
      definition: rest,
    };
    list.columns.push(column);
    return column;
  }

  /** Test hook: simulate someone deleting a column in the SharePoint UI. */
  removeColumn(listTitle: string, name: string): void {
    const list = this.findList(listTitle);
    if (!list) throw new Error(`no list ${listTitle}`);
    list.columns = list.columns.filter((c) => c.name !== name);
  }

  addItem(list: StoredList, fields: Record<string, unknown>): StoredItem {
    const now = new Date().toISOString();
    const item: StoredItem = {
      id: String(list.nextItemId++),
      guid: randomUUID(),
      etagVersion: 1,
      fields,
      createdDateTime: now,
      lastModifiedDateTime: now,
      changeSeq: ++list.changeCounter,
    };
    list.items.set(item.id, item);
    return item;
  }
}

/**
 * The first unique column `values` would duplicate on another item than `exceptItemId`, if any.
 * https://learn.microsoft.com/graph/api/resources/columndefinition ("enforceUniqueValues: If true, no two list items may have the same value for this column.")
 */
export function duplicateUniqueColumn(list: StoredList, values: Record<string, unknown>, exceptItemId?: string): string | undefined {
  for (const column of list.columns) {
    if (!column.enforceUniqueValues || !(column.name in values)) continue;
    const value = values[column.name];
    if (value === null || value === undefined || value === '') continue;
    for (const item of list.items.values()) {
      if (item.id !== exceptItemId && item.fields[column.name] === value) return column.name;
    }
  }
  return undefined;
}

export function etagOf(item: StoredItem): string {
  return `"${item.guid},${item.etagVersion}"`;
}
