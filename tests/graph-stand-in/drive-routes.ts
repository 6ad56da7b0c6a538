import { randomUUID } from 'node:crypto';
import type { DriveStore, StoredDrive, StoredDriveItem } from './drive-store';
import { collectionPage, graphError, json, type StandInRequest, type StandInResponse } from './graph-response';
import { getItem, updateFields } from './item-routes';
import type { SiteStore } from './site-store';

/**
 * The drive endpoints of a document library, each as its Microsoft Learn page documents it. Files'
 * bytes travel outside the Graph root: an upload session's `uploadUrl` and a file's download URL are
 * pre-authenticated URLs on the file host (here `/upload-sessions/…` and `/downloads/…` on the same
 * port), which take no bearer token.
 */

/** A simple upload takes at most 250 MB (https://learn.microsoft.com/graph/api/driveitem-put-content). */
const SIMPLE_UPLOAD_LIMIT = 250 * 1024 * 1024;
/** Upload session fragments: a multiple of 320 KiB, at most 60 MiB (https://learn.microsoft.com/graph/api/driveitem-createuploadsession). */
const FRAGMENT_UNIT = 320 * 1024;
const FRAGMENT_LIMIT = 60 * 1024 * 1024;

const ACTIONS = ['', 'children', 'content', 'createUploadSession', 'listItem', 'listItem/fields', 'versions'] as const;
type Action = (typeof ACTIONS)[number];

interface DrivePath {
  driveId: string;
  /** An item id, or `root`. */
  itemId: string;
  /** `items/{id}:/{path}:` or `root:/{path}:` addressing: the path below the item, decoded. */
  subPath: string | null;
  action: Action;
}

const DRIVE = /^\/drives\/([^/]+)\/(?:items\/([^/:]+)|(root))(.*)$/;

function parseDrivePath(path: string): DrivePath | undefined {
  const m = DRIVE.exec(path);
  if (!m) return undefined;
  let rest = m[4]!;
  let subPath: string | null = null;
  if (rest.startsWith(':/')) {
    const inner = rest.slice(2);
    const colon = inner.indexOf(':');
    subPath = decodeURIComponent(colon < 0 ? inner : inner.slice(0, colon));
    rest = colon < 0 ? '' : inner.slice(colon + 1);
  }
  const action = rest.replace(/^\//, '').replace(/\/$/, '');
  if (!(ACTIONS as readonly string[]).includes(action)) return undefined;
  return { driveId: decodeURIComponent(m[1]!), itemId: m[2] ?? m[3]!, subPath, action: action as Action };
}

export const isDrivePath = (path: string): boolean => path.startsWith('/drives/') || /^\/sites\/[^/]+\/lists\/[^/]+\/drive$/.test(path);
export const isFileHostPath = (path: string): boolean => /^\/(upload-sessions|downloads)\//.test(path);

/** Request bodies that are a file's bytes, not JSON. */
export function hasBinaryBody(method: string, path: string): boolean {
  return method === 'PUT' && (isFileHostPath(path) || parseDrivePath(path)?.action === 'content');
}

/** A stable name for request counting and faults, e.g. `upload content`, `update listItem fields`. */
export function driveOperationOf(method: string, path: string): string {
  if (path.startsWith('/upload-sessions/')) return method === 'GET' ? 'upload status' : 'upload bytes';
  if (path.startsWith('/downloads/')) return 'download file';
  if (path.startsWith('/sites/')) return 'get drive';
  const p = parseDrivePath(path);
  if (!p) return `${method} ${path}`;
  const names: Record<Action, string> = {
    '': method === 'DELETE' ? 'delete drive item' : 'get drive item',
    children: method === 'POST' ? 'create folder' : 'list children',
    content: method === 'PUT' ? 'upload content' : 'get content',
    createUploadSession: 'create upload session',
    listItem: 'get listItem',
    'listItem/fields': method === 'PATCH' ? 'update listItem fields' : 'get listItem fields',
    versions: 'list versions',
  };
  return names[p.action];
}

const fileHostOrigin = (req: StandInRequest) => req.root.replace(/\/(v1\.0|beta)$/, '');

function etagOf(item: StoredDriveItem): string {
  return `"{${item.id}},${item.versions.length}"`;
}

/** A driveItem (https://learn.microsoft.com/graph/api/resources/driveitem). */
function driveItemJson(drives: DriveStore, drive: StoredDrive, item: StoredDriveItem, req: StandInRequest): Record<string, unknown> {
  const latest = item.versions.at(-1);
  const path = drives.pathOf(item);
  const parentPath = drives.pathOf(drives.items.get(item.parentId ?? item.id)!);
  return {
    id: item.id,
    name: item.name,
    eTag: etagOf(item),
    cTag: etagOf(item),
    createdDateTime: item.createdDateTime,
    lastModifiedDateTime: latest?.at ?? item.createdDateTime,
    size: latest?.content.length ?? 0,
    webUrl: [drives.webRoot, drive.list.displayName, ...path].map((s, i) => (i === 0 ? s : encodeURIComponent(s))).join('/'),
    parentReference: {
      driveType: 'documentLibrary',
      driveId: drive.id,
      ...(item.parentId
        ? { id: item.parentId, path: `/drives/${drive.id}/root:${parentPath.length ? `/${parentPath.join('/')}` : ''}` }
        : {}),
    },
    ...(item.folder
      ? { folder: { childCount: drives.children(item).length } }
      : {
          file: { mimeType: item.mimeType },
          '@microsoft.graph.downloadUrl': `${fileHostOrigin(req)}/downloads/${item.id}?v=${item.versions.length}`,
        }),
  };
}

const notFound = () => graphError(404, 'itemNotFound', 'The resource could not be found.');
const nameTaken = (name: string) => graphError(409, 'nameAlreadyExists', `The specified item name already exists: ${name}`);
const badName = () =>
  graphError(400, 'invalidRequest', 'The provided name cannot contain leading or trailing spaces or any of " * : < > ? / \\ |.');

/** The item a path names: `items/{id}` or `root`, then `:/{path}:` below it, one folder at a time. */
function resolve(drives: DriveStore, drive: StoredDrive, p: DrivePath): StoredDriveItem | undefined {
  let item = drives.item(drive, p.itemId);
  for (const name of p.subPath?.split('/').filter(Boolean) ?? []) item = item && drives.childNamed(item, name);
  return item;
}

/** Where a `{parent}:/{name}:/content` or `…:/createUploadSession` request puts a new file. */
function parentAndName(drives: DriveStore, drive: StoredDrive, p: DrivePath): { parent?: StoredDriveItem; name: string } {
  const parts = (p.subPath ?? '').split('/').filter(Boolean);
  const name = parts.pop() ?? '';
  return { parent: resolve(drives, drive, { ...p, subPath: parts.join('/') }), name };
}

/**
 * Puts a new file's bytes under `parent` as `@microsoft.graph.conflictBehavior` says: `replace` (the
 * default for PUT) keeps the earlier bytes as a version, `fail` is 409, `rename` picks a free name.
 * https://learn.microsoft.com/graph/api/resources/driveitem (instance attributes)
 */
function putFile(
  drives: DriveStore,
  drive: StoredDrive,
  parent: StoredDriveItem,
  name: string,
  content: Buffer,
  mimeType: string,
  behaviour: string,
  req: StandInRequest,
): StandInResponse {
  const existing = drives.childNamed(parent, name);
  if (existing && behaviour === 'fail') return nameTaken(name);
  if (existing && behaviour !== 'rename') {
    if (existing.folder) return nameTaken(name);
    existing.versions.push({ content, at: new Date().toISOString(), by: null });
    return json(200, driveItemJson(drives, drive, existing, req));
  }
  const created = drives.add(drive, parent, existing ? drives.freeName(parent, name) : name, { content, mimeType });
  return json(201, driveItemJson(drives, drive, created, req));
}

/** Routes a request under `/drives/…` or `/sites/{id}/lists/{id}/drive`. */
export function driveRoute(site: SiteStore, req: StandInRequest): StandInResponse {
  const { drives } = site;
  const { method } = req;
  const listDrive = /^\/sites\/([^/]+)\/lists\/([^/]+)\/drive$/.exec(req.path);
  if (listDrive) {
    // The list resource's `drive` relationship: "Allows access to the list as a drive resource with
    // driveItems. Only present on document libraries." https://learn.microsoft.com/graph/api/resources/list
    const list = decodeURIComponent(listDrive[1]!) === site.siteId ? site.findList(decodeURIComponent(listDrive[2]!)) : undefined;
    const drive = list && drives.driveOfList(list);
    if (!drive) return notFound();
    if (method !== 'GET') return graphError(405, 'BadRequest', 'Method not allowed');
    return json(200, {
      id: drive.id,
      name: drive.list.displayName,
      driveType: 'documentLibrary',
      webUrl: `${drives.webRoot}/${encodeURIComponent(drive.list.displayName)}`,
    });
  }
  const p = parseDrivePath(req.path);
  if (!p) return graphError(400, 'BadRequest', `Resource not found for the segment '${req.path}'.`);
  const drive = drives.drives.get(p.driveId);
  if (!drive) return graphError(404, 'itemNotFound', 'The drive could not be found.');

  if (method === 'PUT' && p.action === 'content' && p.subPath !== null) {
    // Upload a new file: PUT /drives/{drive-id}/items/{parent-id}:/{filename}:/content
    // https://learn.microsoft.com/graph/api/driveitem-put-content
    const { parent, name } = parentAndName(drives, drive, p);
    if (!parent || !parent.folder) return notFound();
    if (!drives.validName(name)) return badName();
    const content = req.body as Buffer;
    if (content.length > SIMPLE_UPLOAD_LIMIT)
      return graphError(413, 'requestTooLarge', 'Simple upload takes files up to 250 MB; use an upload session.');
    const behaviour = req.query.get('@microsoft.graph.conflictBehavior') ?? 'replace';
    return putFile(drives, drive, parent, name, content, req.headers['content-type'] ?? 'application/octet-stream', behaviour, req);
  }
  if (method === 'POST' && p.action === 'createUploadSession') {
    // POST /drives/{driveId}/items/{itemId}:/{fileName}:/createUploadSession -> 200 and an uploadSession
    // https://learn.microsoft.com/graph/api/driveitem-createuploadsession
    const { parent, name } = parentAndName(drives, drive, p);
    if (!parent || !parent.folder) return notFound();
    if (!drives.validName(name)) return badName();
    const item = ((req.body ?? {}) as { item?: Record<string, unknown> }).item ?? {};
    const session = {
      id: randomUUID(),
      driveId: drive.id,
      parentId: parent.id,
      name,
      conflictBehavior: String(item['@microsoft.graph.conflictBehavior'] ?? 'replace'),
      chunks: [],
      received: 0,
      total: null,
      expirationDateTime: new Date(Date.now() + 15 * 60_000).toISOString(),
    };
    drives.sessions.set(session.id, session);
    return json(200, {
      uploadUrl: `${fileHostOrigin(req)}/upload-sessions/${session.id}`,
      expirationDateTime: session.expirationDateTime,
      nextExpectedRanges: ['0-'],
    });
  }

  const item = resolve(drives, drive, p);
  if (!item) return notFound();
  const listItem = drives.listItemOf(drive, item);
  switch (`${method} ${p.action}`) {
    case 'GET ':
      // https://learn.microsoft.com/graph/api/driveitem-get (by id, or by path: /drives/{drive-id}/root:/{item-path})
      return json(200, driveItemJson(drives, drive, item, req));
    case 'DELETE ':
      // https://learn.microsoft.com/graph/api/driveitem-delete: 204; the item goes to the site's recycle bin.
      if (item.parentId === null) return graphError(403, 'accessDenied', 'The root folder cannot be deleted.');
      drives.remove(drive, item);
      return { status: 204, headers: {} };
    case 'GET children':
      // https://learn.microsoft.com/graph/api/driveitem-list-children
      return collectionPage(
        drives.children(item).map((c) => driveItemJson(drives, drive, c, req)),
        req,
        200,
      );
    case 'POST children': {
      // Create a folder: https://learn.microsoft.com/graph/api/driveitem-post-children
      const body = (req.body ?? {}) as Record<string, unknown>;
      const name = typeof body.name === 'string' ? body.name : '';
      if (!item.folder) return graphError(400, 'invalidRequest', 'The parent is not a folder.');
      if (typeof body.folder !== 'object' || body.folder === null) return graphError(400, 'invalidRequest', 'Only folders are made here.');
      if (!drives.validName(name)) return badName();
      const behaviour = String(body['@microsoft.graph.conflictBehavior'] ?? 'fail');
      const taken = drives.childNamed(item, name);
      if (taken && behaviour !== 'rename') return nameTaken(name);
      const folder = drives.add(drive, item, taken ? drives.freeName(item, name) : name, null);
      return json(201, driveItemJson(drives, drive, folder, req));
    }
    case 'GET content':
      // https://learn.microsoft.com/graph/api/driveitem-get-content: 302 Found to a pre-authenticated download URL.
      if (item.folder) return graphError(400, 'invalidRequest', 'A folder has no content.');
      return { status: 302, headers: { location: `${fileHostOrigin(req)}/downloads/${item.id}?v=${item.versions.length}` } };
    case 'GET versions':
      // https://learn.microsoft.com/graph/api/driveitem-list-versions: newest first.
      return json(200, {
        value: item.versions
          .map((v, i) => ({
            id: `${i + 1}.0`,
            lastModifiedDateTime: v.at,
            size: v.content.length,
            // An app-only call is recorded as the application, a person as the user (resources/identityset).
            lastModifiedBy: v.by === null ? { application: { displayName: 'SEND Tracker' } } : { user: { displayName: v.by } },
          }))
          .reverse(),
      });
    case 'GET listItem':
    case 'GET listItem/fields':
      // The driveItem's `listItem` relationship (https://learn.microsoft.com/graph/api/resources/driveitem),
      // read as a listItem is: https://learn.microsoft.com/graph/api/listitem-get
      return listItem ? getItem(drive.list, listItem, req, p.action === 'listItem/fields') : notFound();
    case 'PATCH listItem/fields':
      // The library's columns on the file, with If-Match: https://learn.microsoft.com/graph/api/listitem-update
      return listItem ? updateFields(drive.list, listItem, req, false) : notFound();
    default:
      return graphError(405, 'BadRequest', 'Method not allowed');
  }
}

/**
 * The file host: an upload session's fragments and file downloads. Both URLs are pre-authenticated;
 * "Including the Authorization header when issuing the PUT call might result in an HTTP 401
 * Unauthorized response" (https://learn.microsoft.com/graph/api/driveitem-createuploadsession).
 */
export function fileHostRoute(site: SiteStore, req: StandInRequest): StandInResponse {
  const { drives } = site;
  const download = /^\/downloads\/([^/]+)$/.exec(req.path);
  if (download && req.method === 'GET') {
    const item = drives.items.get(download[1]!);
    const version = item?.versions[Number(req.query.get('v')) - 1];
    if (!item || !version) return notFound();
    return { status: 200, headers: { 'content-type': item.mimeType ?? 'application/octet-stream' }, raw: version.content };
  }
  const upload = /^\/upload-sessions\/([^/]+)$/.exec(req.path);
  const session = upload ? drives.sessions.get(upload[1]!) : undefined;
  if (!session) return notFound();
  if (req.headers.authorization) return graphError(401, 'unauthenticated', 'An upload URL takes no Authorization header.');
  const status = () => json(200, { expirationDateTime: session.expirationDateTime, nextExpectedRanges: [`${session.received}-`] });
  // Resuming: "query the status of the upload ... GET the uploadUrl" (driveitem-createuploadsession).
  if (req.method === 'GET') return status();
  if (req.method !== 'PUT') return graphError(405, 'BadRequest', 'Method not allowed');
  const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(req.headers['content-range'] ?? '');
  const bytes = req.body as Buffer;
  if (!range) return graphError(400, 'invalidRequest', 'Content-Range must be bytes {start}-{end}/{total}.');
  const [start, end, total] = [Number(range[1]), Number(range[2]), Number(range[3])];
  if (start !== session.received) return graphError(416, 'invalidRange', `Fragments go in order: expected bytes from ${session.received}.`);
  if (bytes.length !== end - start + 1) return graphError(400, 'invalidRequest', 'The body length does not match Content-Range.');
  if (bytes.length > FRAGMENT_LIMIT) return graphError(413, 'requestTooLarge', 'A fragment is at most 60 MiB.');
  const last = end + 1 === total;
  if (!last && bytes.length % FRAGMENT_UNIT !== 0) return graphError(400, 'invalidRequest', 'A fragment must be a multiple of 320 KiB.');
  session.chunks.push(bytes);
  session.received += bytes.length;
  session.total = total;
  if (!last) return { ...status(), status: 202 };
  drives.sessions.delete(session.id);
  const drive = drives.drives.get(session.driveId)!;
  const parent = drives.items.get(session.parentId);
  if (!parent) return notFound();
  return putFile(
    drives,
    drive,
    parent,
    session.name,
    Buffer.concat(session.chunks),
    'application/octet-stream',
    session.conflictBehavior,
    req,
  );
}
