import { startGraphStandIn, type GraphStandIn } from './graph-stand-in';

/** The stand-in's own fidelity checks, over raw HTTP (no SDK), for behaviour the adapter tests do not reach. */
describe('Graph stand-in', () => {
  let standIn: GraphStandIn;
  let lists: string;
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${standIn.baseUrl}/v1.0${path}`, {
      method,
      headers: { authorization: `Bearer ${standIn.token}`, 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : undefined) as Record<string, any> };
  };

  beforeEach(async () => {
    standIn = await startGraphStandIn();
    lists = `/sites/${standIn.siteId}/lists`;
    await call('POST', lists, { displayName: 'Things', list: { template: 'genericList' } });
    await call('POST', `${lists}/Things/columns`, { name: 'Colour', text: {}, indexed: true });
  });
  afterEach(() => standIn.close());

  it('refuses a request without the bearer token', async () => {
    const res = await fetch(`${standIn.baseUrl}/v1.0${lists}`);
    expect(res.status).toBe(401);
  });

  /** SEND Tracker in the tenant's catalog (id `catalog-1`, manifest id `manifest-1`), and `bind` naming a catalog app. */
  const inCatalog = () =>
    standIn.teamwork.catalog.push({
      id: 'catalog-1',
      externalId: 'manifest-1',
      displayName: 'SEND Tracker',
      distributionMethod: 'organization',
    });
  const bind = (id = 'catalog-1') => ({ 'teamsApp@odata.bind': `${standIn.baseUrl}/v1.0/appCatalogs/teamsApps/${id}` });

  it('installs an app for a user as Graph documents it: 201 with no body, 409 the second time, a chat id for the installation', async () => {
    inCatalog();
    const apps = '/users/user-1/teamwork/installedApps';
    expect((await call('GET', `${apps}?$expand=teamsApp&$filter=teamsApp/externalId eq 'manifest-1'`)).body.value).toEqual([]);
    expect(await call('POST', apps, bind())).toMatchObject({ status: 201, body: undefined });
    expect((await call('POST', apps, bind())).status).toBe(409);
    const [installation] = (await call('GET', `${apps}?$expand=teamsApp&$filter=teamsApp/externalId eq 'manifest-1'`)).body.value;
    expect(installation.teamsApp).toMatchObject({ id: 'catalog-1', externalId: 'manifest-1' });
    expect((await call('GET', `${apps}/${encodeURIComponent(installation.id)}/chat`)).body.id).toMatch(/^19:.+_user-1@unq\.gbl\.spaces$/);
    // A filter the stand-in does not understand is refused rather than ignored.
    expect((await call('GET', `${apps}?$filter=startswith(teamsApp/displayName,'SEND')`)).status).toBe(400);
  });

  it('refuses an install the tenant blocks with 403, and one of an app not in the catalog with 404', async () => {
    inCatalog();
    standIn.teamwork.blocked.add('user-2');
    expect((await call('POST', '/users/user-2/teamwork/installedApps', bind())).status).toBe(403);
    expect((await call('POST', '/users/user-1/teamwork/installedApps', bind('nope'))).status).toBe(404);
    expect(standIn.teamwork.installedFor('user-2')).toEqual([]);
  });

  it('refuses a $batch of more than 20 requests', async () => {
    const requests = Array.from({ length: 21 }, (_, i) => ({ id: String(i), method: 'GET', url: `${lists}/Things/items` }));
    const res = await call('POST', '/$batch', { requests });
    expect(res.status).toBe(400);
  });

  it('answers 424 for a batch step whose dependency failed, and creates nothing for it', async () => {
    const res = await call('POST', '/$batch', {
      requests: [
        {
          id: 'a',
          method: 'POST',
          url: `${lists}/Things/items`,
          headers: { 'content-type': 'application/json' },
          body: { fields: { Nope: 1 } },
        },
        {
          id: 'b',
          method: 'POST',
          url: `${lists}/Things/items`,
          headers: { 'content-type': 'application/json' },
          body: { fields: { Colour: 'red' } },
          dependsOn: ['a'],
        },
      ],
    });
    expect(res.status).toBe(200);
    const byId = Object.fromEntries(res.body.responses.map((r: { id: string; status: number }) => [r.id, r.status]));
    expect(byId).toEqual({ a: 400, b: 424 });
    expect(standIn.store.findList('Things')!.items.size).toBe(0);
  });

  it('pages with an absolute @odata.nextLink carrying $skiptoken and the original filter', async () => {
    for (const colour of ['red', 'red', 'blue', 'red']) await call('POST', `${lists}/Things/items`, { fields: { Colour: colour } });
    const first = await call('GET', `${lists}/Things/items?expand=fields&$top=2&$filter=${encodeURIComponent("fields/Colour eq 'red'")}`);
    const next = new URL(first.body['@odata.nextLink']);
    expect(next.origin).toBe(standIn.baseUrl);
    expect(next.searchParams.get('$skiptoken')).toBeTruthy();
    const second = await (await fetch(next, { headers: { authorization: `Bearer ${standIn.token}` } })).json();
    expect([...first.body.value, ...second.value].map((i: { fields: { Colour: string } }) => i.fields.Colour)).toEqual([
      'red',
      'red',
      'red',
    ]);
    expect(second['@odata.nextLink']).toBeUndefined();
  });

  it('answers 412 to a PATCH whose If-Match eTag is stale, leaving the item unchanged', async () => {
    const created = await call('POST', `${lists}/Things/items`, { fields: { Colour: 'red' } });
    const item = `${lists}/Things/items/${created.body.id}/fields`;
    expect((await call('PATCH', item, { Colour: 'blue' }, { 'if-match': created.body.eTag })).status).toBe(200);
    const stale = await call('PATCH', item, { Colour: 'green' }, { 'if-match': created.body.eTag });
    expect(stale.status).toBe(412);
    expect((await call('GET', item)).body.Colour).toBe('blue');
  });

  it('refuses a column that enforces unique values without an index', async () => {
    const res = await call('POST', `${lists}/Things/columns`, { name: 'Key', text: {}, enforceUniqueValues: true });
    expect(res.status).toBe(400);
    expect((await call('PATCH', `${lists}/Things/columns/Colour`, { enforceUniqueValues: true, indexed: false })).status).toBe(400);
  });

  it('answers 409 Conflict to a create or update that duplicates a unique value, writing nothing', async () => {
    expect(
      (await call('POST', `${lists}/Things/columns`, { name: 'Key', text: {}, indexed: true, enforceUniqueValues: true })).status,
    ).toBe(201);
    const first = await call('POST', `${lists}/Things/items`, { fields: { Key: 'k1', Colour: 'red' } });
    expect(first.status).toBe(201);
    const duplicate = await call('POST', `${lists}/Things/items`, { fields: { Key: 'k1', Colour: 'blue' } });
    expect(duplicate.status).toBe(409);
    const second = await call('POST', `${lists}/Things/items`, { fields: { Key: 'k2' } });
    const clash = await call('PATCH', `${lists}/Things/items/${second.body.id}/fields`, { Key: 'k1' });
    expect(clash.status).toBe(409);
    // Writing an item's own value again is not a duplicate.
    expect((await call('PATCH', `${lists}/Things/items/${first.body.id}/fields`, { Key: 'k1', Colour: 'green' })).status).toBe(200);
    expect([...standIn.store.findList('Things')!.items.values()].map((i) => i.fields.Key)).toEqual(['k1', 'k2']);
  });

  it('answers 409 to the second of two creates of one unique value inside a $batch, and 201 to the first', async () => {
    await call('POST', `${lists}/Things/columns`, { name: 'Key', text: {}, indexed: true, enforceUniqueValues: true });
    const step = (id: string) => ({
      id,
      method: 'POST',
      url: `${lists}/Things/items`,
      headers: { 'content-type': 'application/json' },
      body: { fields: { Key: 'same' } },
    });
    const res = await call('POST', '/$batch', { requests: [step('a'), step('b')] });
    const byId = Object.fromEntries(res.body.responses.map((r: { id: string; status: number }) => [r.id, r.status]));
    expect(byId).toEqual({ a: 201, b: 409 });
  });

  it('sends 429 with Retry-After for an injected throttle, then serves normally', async () => {
    standIn.inject({ kind: 'throttle', retryAfterSeconds: 7 });
    const throttled = await call('GET', lists);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('7');
    expect(throttled.body.error.code).toBe('TooManyRequests');
    expect((await call('GET', lists)).status).toBe(200);
  });

  describe('a document library', () => {
    let drive: string;
    beforeEach(async () => {
      await call('POST', lists, { displayName: 'Records', list: { template: 'documentLibrary' } });
      drive = (await call('GET', `${lists}/Records/drive`)).body.id;
    });
    const put = (path: string, bytes: Buffer, headers: Record<string, string> = {}) =>
      fetch(`${standIn.baseUrl}/v1.0/drives/${drive}${path}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${standIn.token}`, 'content-type': 'application/pdf', ...headers },
        body: new Uint8Array(bytes),
      });

    it('makes a folder once (409 the second time), refuses a name SharePoint refuses, and takes no list item created outside the drive', async () => {
      const folder = { name: 'pupil-1', folder: {}, '@microsoft.graph.conflictBehavior': 'fail' };
      expect((await call('POST', `/drives/${drive}/root/children`, folder)).status).toBe(201);
      expect((await call('POST', `/drives/${drive}/root/children`, folder)).body.error.code).toBe('nameAlreadyExists');
      expect((await call('POST', `/drives/${drive}/root/children`, { ...folder, name: 'a:b' })).status).toBe(400);
      expect((await put('/root:/pupil-1/plan?.pdf:/content', Buffer.from('%PDF'))).status).toBe(400);
      expect((await call('GET', `/drives/${drive}/root:/pupil-1`)).body).toMatchObject({ name: 'pupil-1', folder: { childCount: 0 } });
      expect((await call('POST', `${lists}/Records/items`, { fields: { Title: 'x' } })).status).toBe(400);
    });

    it('keeps the bytes of a replaced file as a version, renames under "rename", and serves content by a 302 to a download URL', async () => {
      expect((await put('/root:/Plan.pdf:/content', Buffer.from('one'))).status).toBe(201);
      const replaced = await put('/root:/Plan.pdf:/content', Buffer.from('two'));
      expect(replaced.status).toBe(200);
      const { id } = (await replaced.json()) as { id: string };
      const renamed = await put('/root:/Plan.pdf:/content?@microsoft.graph.conflictBehavior=rename', Buffer.from('three'));
      expect(((await renamed.json()) as { name: string }).name).toBe('Plan 1.pdf');
      const versions = await call('GET', `/drives/${drive}/items/${id}/versions`);
      expect(versions.body.value.map((v: { id: string; size: number }) => [v.id, v.size])).toEqual([
        ['2.0', 3],
        ['1.0', 3],
      ]);
      const content = await fetch(`${standIn.baseUrl}/v1.0/drives/${drive}/items/${id}/content`, {
        headers: { authorization: `Bearer ${standIn.token}` },
        redirect: 'manual',
      });
      expect(content.status).toBe(302);
      expect(await (await fetch(content.headers.get('location')!)).text()).toBe('two');
    });

    it('takes an upload session’s fragments in order, each a multiple of 320 KiB, without a bearer token', async () => {
      const session = await call('POST', `/drives/${drive}/root:/Scan.pdf:/createUploadSession`, {
        item: { '@microsoft.graph.conflictBehavior': 'fail' },
      });
      expect(session.body.nextExpectedRanges).toEqual(['0-']);
      const url = session.body.uploadUrl as string;
      const send = (from: number, bytes: number, total: number, headers: Record<string, string> = {}) =>
        fetch(url, {
          method: 'PUT',
          headers: { 'content-range': `bytes ${from}-${from + bytes - 1}/${total}`, ...headers },
          body: new Uint8Array(bytes),
        });
      const unit = 320 * 1024;
      expect((await send(0, unit, 3 * unit, { authorization: `Bearer ${standIn.token}` })).status).toBe(401);
      expect((await send(0, 1000, 3 * unit)).status).toBe(400); // not a multiple of 320 KiB
      expect((await send(0, unit, 2 * unit + 5)).status).toBe(202);
      expect((await send(2 * unit, 5, 2 * unit + 5)).status).toBe(416); // out of order
      expect(((await (await fetch(url)).json()) as { nextExpectedRanges: string[] }).nextExpectedRanges).toEqual([`${unit}-`]);
      expect((await send(unit, unit, 2 * unit + 5)).status).toBe(202);
      const done = await send(2 * unit, 5, 2 * unit + 5);
      expect(done.status).toBe(201);
      expect(await done.json()).toMatchObject({ name: 'Scan.pdf', size: 2 * unit + 5 });
    });
  });
});
