import { randomUUID } from 'node:crypto';
import type { SiteStore, StoredItem, StoredList } from './site-store';

/**
 * The files of the site's document libraries, as Graph's drive resources show them:
 * https://learn.microsoft.com/graph/api/resources/drive
 * https://learn.microsoft.com/graph/api/resources/driveitem
 * Each file or folder also has its listItem in the library's list (`listItemId`), which holds its
 * columns: what a library's `items` query filters on.
 */
export interface StoredDriveItem {
  id: string;
  driveId: string;
  /** null for the drive's root folder. */
  parentId: string | null;
  name: string;
  folder: boolean;
  mimeType: string | null;
  /**
   * Every version of the file's bytes, oldest first, with who saved it: a person's name, or null for the
   * app itself (https://learn.microsoft.com/graph/api/resources/driveitemversion).
   */
  versions: { content: Buffer; at: string; by: string | null }[];
  listItemId: string | null;
  createdDateTime: string;
}

export interface StoredDrive {
  id: string;
  list: StoredList;
  rootId: string;
}

/** A large-file upload under way: https://learn.microsoft.com/graph/api/resources/uploadsession */
export interface StoredUploadSession {
  id: string;
  driveId: string;
  parentId: string;
  name: string;
  conflictBehavior: string;
  chunks: Buffer[];
  received: number;
  total: number | null;
  expirationDateTime: string;
}

/** SharePoint refuses these in a file or folder name (support.microsoft.com, "Restrictions and limitations in OneDrive and SharePoint"). */
const INVALID_NAME = /["*:<>?/\\|]|^\s|\s$|^\.|\.$/;

export class DriveStore {
  readonly drives = new Map<string, StoredDrive>();
  readonly items = new Map<string, StoredDriveItem>();
  readonly sessions = new Map<string, StoredUploadSession>();
  /** Where files are said to live, for `webUrl`. */
  readonly webRoot = 'https://oakfield.sharepoint.example/sites/send';

  constructor(private readonly site: SiteStore) {}

  /** A document library's drive, made with the library (https://learn.microsoft.com/graph/api/list-create). */
  createFor(list: StoredList): StoredDrive {
    const drive: StoredDrive = { id: `b!${randomUUID().replace(/-/g, '')}`, list, rootId: newItemId() };
    this.items.set(drive.rootId, {
      id: drive.rootId,
      driveId: drive.id,
      parentId: null,
      name: 'root',
      folder: true,
      mimeType: null,
      versions: [],
      listItemId: null,
      createdDateTime: new Date().toISOString(),
    });
    this.drives.set(drive.id, drive);
    return drive;
  }

  driveOfList(list: StoredList): StoredDrive | undefined {
    return [...this.drives.values()].find((d) => d.list === list);
  }

  /** An item by id, or `root` for the drive's root folder. */
  item(drive: StoredDrive, id: string): StoredDriveItem | undefined {
    const item = this.items.get(id === 'root' ? drive.rootId : id);
    return item?.driveId === drive.id ? item : undefined;
  }

  childNamed(parent: StoredDriveItem, name: string): StoredDriveItem | undefined {
    const key = name.toLowerCase();
    return [...this.items.values()].find((i) => i.parentId === parent.id && i.name.toLowerCase() === key);
  }

  children(parent: StoredDriveItem): StoredDriveItem[] {
    return [...this.items.values()].filter((i) => i.parentId === parent.id);
  }

  validName(name: string): boolean {
    return name.length > 0 && name.length <= 400 && !INVALID_NAME.test(name);
  }

  /**
   * Adds a folder or file under `parent`, with its listItem. `name` must be free: conflict behaviour
   * is the caller's (see `freeName`).
   */
  add(drive: StoredDrive, parent: StoredDriveItem, name: string, file: { content: Buffer; mimeType: string } | null): StoredDriveItem {
    const listItem = this.site.addItem(drive.list, { FileLeafRef: name, Title: name });
    const item: StoredDriveItem = {
      id: newItemId(),
      driveId: drive.id,
      parentId: parent.id,
      name,
      folder: file === null,
      mimeType: file?.mimeType ?? null,
      versions: file ? [{ content: file.content, at: new Date().toISOString(), by: null }] : [],
      listItemId: listItem.id,
      createdDateTime: listItem.createdDateTime,
    };
    this.items.set(item.id, item);
    return item;
  }

  /**
   * The name a new item gets under `@microsoft.graph.conflictBehavior` `rename`: "Plan.pdf" becomes
   * "Plan 1.pdf" while the name is taken (https://learn.microsoft.com/graph/api/resources/driveitem, instance attributes).
   */
  freeName(parent: StoredDriveItem, name: string): string {
    const dot = name.lastIndexOf('.');
    const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
    let candidate = name;
    for (let n = 1; this.childNamed(parent, candidate); n++) candidate = `${stem} ${n}${ext}`;
    return candidate;
  }

  /** Test hook: someone edits the file in Word for the web, which keeps the earlier bytes as a version. */
  editInOffice(id: string, content: Buffer, by: string): void {
    const item = this.items.get(id);
    if (!item || item.folder) throw new Error(`no file ${id}`);
    item.versions.push({ content, at: new Date().toISOString(), by });
  }

  listItemOf(drive: StoredDrive, item: StoredDriveItem): StoredItem | undefined {
    return item.listItemId === null ? undefined : drive.list.items.get(item.listItemId);
  }

  /** The folder path below the root, for `parentReference.path` and `webUrl`. */
  pathOf(item: StoredDriveItem): string[] {
    const names: string[] = [];
    for (let at: StoredDriveItem | undefined = item; at && at.parentId !== null; at = this.items.get(at.parentId)) names.unshift(at.name);
    return names;
  }

  remove(drive: StoredDrive, item: StoredDriveItem): void {
    this.items.delete(item.id);
    if (item.listItemId !== null) drive.list.items.delete(item.listItemId);
  }
}

/** Drive item ids look like `01BYE5RZ...`: 34 upper-case letters and digits. */
function newItemId(): string {
  return `01${randomUUID().replace(/-/g, '').toUpperCase().slice(0, 32)}`;
}
