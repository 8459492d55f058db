import { createHash } from 'node:crypto';
import { useSdkSandbox } from '../support/sdk';

// biome-ignore lint/suspicious/noExplicitAny: error and page bodies are read field by field in assertions
const body = async (res: Response): Promise<any> => res.json();

/** Lists v3 and files v3 through @hubspot/api-client 14 (its accepted statuses), forms over plain HTTP. */
describe('sandbox lists, files and forms', () => {
  const ctx = useSdkSandbox();

  const contact = async (email: string) =>
    (await ctx.client.crm.contacts.basicApi.create({ properties: { email }, associations: [] })).id;

  it('creates a list (200), reads it by id and by name, finds it by search', async () => {
    const { list } = await ctx.client.crm.lists.listsApi.create({
      name: 'Webinar attendees',
      objectTypeId: '0-1',
      processingType: 'MANUAL',
    });
    expect(list.listId).toMatch(/^\d+$/);
    expect((await ctx.client.crm.lists.listsApi.getById(list.listId)).list.name).toBe('Webinar attendees');
    const byName = await ctx.client.crm.lists.listsApi.getByName('webinar attendees', '0-1');
    expect(byName.list.listId).toBe(list.listId);
    const found = await ctx.client.crm.lists.listsApi.doSearch({
      query: 'webinar',
      offset: 0,
      count: 10,
    } as never);
    expect(found.lists.map((l) => l.listId)).toContain(list.listId);
    await expect(
      ctx.client.crm.lists.listsApi.create({
        name: 'Webinar attendees',
        objectTypeId: '0-1',
        processingType: 'MANUAL',
      }),
    ).rejects.toMatchObject({ code: 400 });
  });

  it('adds and removes members with a bare array, reporting missing ids, and pages them with timestamps', async () => {
    const { list } = await ctx.client.crm.lists.listsApi.create({
      name: 'Members',
      objectTypeId: '0-1',
      processingType: 'MANUAL',
    });
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push(await contact(`m${i}@example.com`));
    const added = await ctx.client.crm.lists.membershipsApi.add(list.listId, [...ids, '999999']);
    expect(added.recordsIdsAdded).toEqual(ids);
    expect(added.recordIdsMissing).toEqual(['999999']);
    const first = await ctx.client.crm.lists.membershipsApi.getPage(list.listId, undefined, undefined, 2);
    expect(first.results.map((r) => r.recordId)).toEqual(ids.slice(0, 2));
    expect(first.results[0]!.membershipTimestamp).toBeInstanceOf(Date);
    const second = await ctx.client.crm.lists.membershipsApi.getPage(
      list.listId,
      first.paging!.next!.after,
      undefined,
      10,
    );
    expect(second.results.map((r) => r.recordId)).toEqual(ids.slice(2));
    const removed = await ctx.client.crm.lists.membershipsApi.remove(list.listId, [ids[0]!, '999999']);
    expect(removed.recordIdsRemoved).toEqual([ids[0]]);
    expect(removed.recordIdsMissing).toEqual(['999999']);
    expect((await ctx.client.crm.lists.listsApi.getById(list.listId)).list.size).toBe(4);
  });

  it('deletes (204) and restores (204) a list; a deleted list answers 404', async () => {
    const { list } = await ctx.client.crm.lists.listsApi.create({
      name: 'Temp',
      objectTypeId: '0-1',
      processingType: 'SNAPSHOT',
    });
    await ctx.client.crm.lists.listsApi.remove(list.listId);
    await expect(ctx.client.crm.lists.listsApi.getById(list.listId)).rejects.toMatchObject({ code: 404 });
    await ctx.client.crm.lists.listsApi.restore(list.listId);
    expect((await ctx.client.crm.lists.listsApi.getById(list.listId)).list.name).toBe('Temp');
  });

  it('refuses membership changes on a DYNAMIC list and needs the lists scope', async () => {
    const { list } = await ctx.client.crm.lists.listsApi.create({
      name: 'Dyn',
      objectTypeId: '0-1',
      processingType: 'DYNAMIC',
    });
    await expect(ctx.client.crm.lists.membershipsApi.add(list.listId, ['1'])).rejects.toMatchObject({
      code: 400,
    });
    const narrow = ctx.t.sandbox.portal.auth.createPrivateAppToken({
      token: 'pat-na1-00000000-fake-no-lists',
      scopes: ['crm.objects.contacts.read'],
    });
    const res = await fetch(`${ctx.t.url}/crm/v3/lists/${list.listId}`, {
      headers: { authorization: `Bearer ${narrow}` },
    });
    expect(res.status).toBe(403);
    expect((await body(res)).category).toBe('MISSING_SCOPES');
  });

  it('uploads a file as multipart (201) and reads it back', async () => {
    const bytes = Buffer.from('%PDF-1.4 fake proposal');
    // The SDK's HttpFile is `{data, name}` (form-data appends file.data under file.name).
    const file = { data: bytes, name: 'proposal.pdf' };
    const uploaded = await ctx.client.files.filesApi.upload(
      file as never,
      undefined,
      '/deals',
      'proposal.pdf',
      undefined,
      JSON.stringify({ access: 'PRIVATE' }),
    );
    expect(uploaded).toMatchObject({
      name: 'proposal',
      extension: 'pdf',
      size: bytes.length,
      access: 'PRIVATE',
      path: '/deals/proposal.pdf',
    });
    const read = await ctx.client.files.filesApi.getById(uploaded.id);
    const md5 = createHash('md5').update(bytes).digest('hex');
    expect(read.fileMd5).toBe(md5);
    // The request log keeps the multipart body as its parts (a file by name, type, size and MD5; no bytes, no
    // boundary), so two clients' uploads can be compared.
    const logged = ctx.t.sandbox.log.all().find((e) => e.endpoint === 'POST /files/v3/files')!;
    expect(logged.body).toEqual({
      file: { filename: 'proposal.pdf', contentType: expect.any(String), bytes: bytes.length, md5 },
      folderPath: '/deals',
      fileName: 'proposal.pdf',
      options: '{"access":"PRIVATE"}',
    });
    const noAccess = new FormData();
    noAccess.append('file', new Blob([bytes]), 'x.pdf');
    noAccess.append('folderPath', '/deals');
    const res = await fetch(`${ctx.t.url}/files/v3/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ctx.t.token}` },
      body: noAccess,
    });
    expect(res.status).toBe(400);
    expect((await body(res)).message).toMatch(/access/);
  });

  it('lists seeded forms, submits one (contact upserted by e-mail) and reads its submissions newest first (v1)', async () => {
    const forms = await body(await ctx.t.call('GET', '/marketing/v3/forms'));
    expect(forms.results.map((f: { name: string }) => f.name)).toEqual(['Contact us', 'Newsletter signup']);
    const formId = forms.results[0].id as string;
    const submit = (fields: Array<{ name: string; value: string }>) =>
      ctx.t.call(
        'POST',
        `/submissions/v3/integration/secure/submit/${ctx.t.sandbox.portal.info.portalId}/${formId}`,
        { fields },
      );
    expect(
      (
        await submit([
          { name: 'email', value: 'form@example.com' },
          { name: 'firstname', value: 'Fo' },
        ])
      ).status,
    ).toBe(200);
    expect(
      (
        await submit([
          { name: 'email', value: 'form@example.com' },
          { name: 'lastname', value: 'Rm' },
        ])
      ).status,
    ).toBe(200);
    const contacts = [...ctx.t.sandbox.portal.records.table('0-1').values()].filter(
      (r) => r.properties.email === 'form@example.com',
    );
    expect(contacts).toHaveLength(1);
    expect(contacts[0]!.properties).toMatchObject({ firstname: 'Fo', lastname: 'Rm' });
    const bad = await submit([{ name: 'firstname', value: 'NoEmail' }]);
    expect(bad.status).toBe(400);
    expect((await body(bad)).errors[0].errorType).toBe('REQUIRED_FIELD');
    const subs = await body(
      await ctx.t.call('GET', `/form-integrations/v1/submissions/forms/${formId}?limit=1`),
    );
    expect(subs.results).toHaveLength(1);
    expect(subs.results[0].values).toContainEqual(expect.objectContaining({ name: 'lastname', value: 'Rm' }));
    expect(subs.paging.next.after).toBe('1');
  });
});
