import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { forgetPortalThrottle } from '../../hubspot/throttle';
import { startTestSandbox, type TestSandbox } from '../support/sandbox';
import { appTester, run, testApp, useBaseUrl } from '../support/zapier';

/** Lists, owners, files, forms, bulk upsert and the raw API request, through the real Zapier app against the sandbox. */
describe('Zapier lists, owners, files, forms, bulk and API request operations', () => {
  let t: TestSandbox;
  let authData: Record<string, string>;
  let fileServer: Server;
  let fileUrl: string;
  const fileBytes = Buffer.from('%PDF-1.4 a small proposal');

  beforeAll(async () => {
    t = await startTestSandbox();
    useBaseUrl(t.url);
    authData = { access_token: t.token, hub_id: String(t.sandbox.portal.info.portalId) };
    fileServer = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/pdf' });
      res.end(fileBytes);
    });
    await new Promise<void>((resolve) => fileServer.listen(0, '127.0.0.1', resolve));
    fileUrl = `http://127.0.0.1:${(fileServer.address() as AddressInfo).port}/files/proposal.pdf`;
  });
  afterAll(async () => {
    await new Promise((resolve) => fileServer.close(resolve));
    await t.close();
  });
  beforeEach(() => {
    t.sandbox.log.clear();
    t.sandbox.portal.limits.reset();
  });

  const portal = () => t.sandbox.portal;
  const calls = () => t.sandbox.log.countsByEndpoint();
  const contact = async (email: string) =>
    ((await run('creates', 'create_contact', { authData, inputData: { email } })) as { id: string }).id;
  const newList = (name: string, processingType = 'MANUAL') => {
    const now = portal().now();
    return portal().lists.create({
      name,
      objectTypeId: '0-1',
      processingType: processingType as 'MANUAL',
      createdAt: now,
      updatedAt: now,
      createdById: '1',
    });
  };

  it('adds contacts to a list by id and e-mail, then removes one; bad values name the field and change nothing', async () => {
    const list = newList('Customers');
    const a = await contact('list-a@example.com');
    const b = await contact('list-b@example.com');
    const added = (await run('creates', 'add_to_list', {
      authData,
      inputData: { list_id: list.listId, record_ids: [a, 'LIST-B@example.com'] },
    })) as { added: string[] };
    expect(added.added.sort()).toEqual([a, b].sort());
    expect([...list.members.keys()].sort()).toEqual([a, b].sort());
    for (const [record_ids, message] of [
      [[a, 'nobody@example.com'], /Records.*nobody@example.com/],
      [['99999999'], /Records.*99999999/],
      [['not an id'], /Records.*neither/],
    ] as const) {
      await expect(
        run('creates', 'remove_from_list', { authData, inputData: { list_id: list.listId, record_ids } }),
      ).rejects.toThrow(message);
      expect(list.members.size).toBe(2);
    }
    await expect(
      run('creates', 'add_to_list', { authData, inputData: { list_id: '424242', record_ids: [a] } }),
    ).rejects.toThrow(/List.*424242/);
    const dynamic = newList('Active one', 'DYNAMIC');
    await expect(
      run('creates', 'add_to_list', { authData, inputData: { list_id: dynamic.listId, record_ids: [a] } }),
    ).rejects.toThrow(/List.*active/);
    const removed = (await run('creates', 'remove_from_list', {
      authData,
      inputData: { list_id: list.listId, record_ids: [a] },
    })) as { removed: string[] };
    expect(removed.removed).toEqual([a]);
    expect([...list.members.keys()]).toEqual([b]);
  });

  it('finds a list by id and by name; lists fill a dropdown', async () => {
    const list = newList('Partners');
    const byId = (await run('searches', 'find_list', {
      authData,
      inputData: { name_or_id: list.listId },
    })) as Array<{ name: string }>;
    expect(byId[0]!.name).toBe('Partners');
    const byName = (await run('searches', 'find_list', {
      authData,
      inputData: { name_or_id: 'partners' },
    })) as Array<{ id: string }>;
    expect(byName[0]!.id).toBe(list.listId);
    expect(
      await run('searches', 'find_list', { authData, inputData: { name_or_id: 'No such list' } }),
    ).toEqual([]);
    const items = (await run('triggers', 'list_list', { authData })) as Array<{ id: string; label: string }>;
    expect(items).toContainEqual({ id: list.listId, label: 'Partners (manual)' });
  });

  it('pages the list dropdown 2,500 lists at a time, every list reachable, until a page comes back empty', async () => {
    for (let i = 0; i < 2_600; i++) newList(`Bulk list ${i}`, i % 2 ? 'DYNAMIC' : 'MANUAL');
    const total = portal().lists.all().length;
    const trigger = (testApp.triggers as Record<string, { operation: { canPaginate?: boolean } }>).list_list!;
    expect(trigger.operation.canPaginate).toBe(true);
    const page = async (n: number) =>
      (await run('triggers', 'list_list', { authData, meta: { page: n } })) as Array<{ id: string }>;
    const first = await page(0);
    const second = await page(1);
    expect(first).toHaveLength(2_500);
    expect(second).toHaveLength(total - 2_500);
    expect(new Set([...first, ...second].map((l) => l.id)).size).toBe(total);
    expect(await page(2)).toEqual([]);
    expect(calls()['POST /crm/v3/lists/search']).toBe(5 + 1 + 1);
  });

  it('new_list_member: first poll sets the watermark, later polls emit each new member once, ties included', async () => {
    const list = newList('Trigger list');
    const first = await contact('m-first@example.com');
    list.members.set(first, portal().now() - 1000);
    const meta = { zap: { id: 'zap-list' } };
    const initial = (await run('triggers', 'new_list_member', {
      authData,
      inputData: { list_id: list.listId },
      meta,
    })) as Array<{ record_id: string }>;
    expect(initial.map((m) => m.record_id)).toEqual([first]);
    expect(
      await run('triggers', 'new_list_member', { authData, inputData: { list_id: list.listId }, meta }),
    ).toEqual([]);
    const tie = portal().now();
    const later = [
      await contact('m2@example.com'),
      await contact('m3@example.com'),
      await contact('m4@example.com'),
    ];
    for (const id of later) list.members.set(id, tie);
    const fresh = (await run('triggers', 'new_list_member', {
      authData,
      inputData: { list_id: list.listId },
      meta,
    })) as Array<{ record_id: string; properties: { email: string } }>;
    expect(fresh.map((m) => m.record_id).sort()).toEqual([...later].sort());
    expect(fresh[0]!.properties.email).toMatch(/@example.com/);
    const another = await contact('m5@example.com');
    list.members.set(another, tie); // same millisecond as the last poll's members
    const again = (await run('triggers', 'new_list_member', {
      authData,
      inputData: { list_id: list.listId },
      meta,
    })) as Array<{ record_id: string }>;
    expect(again.map((m) => m.record_id)).toEqual([another]);
  });

  it('find_owner by e-mail and by id', async () => {
    const byEmail = (await run('searches', 'find_owner', {
      authData,
      inputData: { email_or_id: 'alice.martin@example.com' },
    })) as Array<{ id: string }>;
    expect(byEmail.map((o) => o.id)).toEqual(['70000002']);
    const byId = (await run('searches', 'find_owner', {
      authData,
      inputData: { email_or_id: '70000003' },
    })) as Array<{ email: string }>;
    expect(byId[0]!.email).toBe('bruno.costa@example.com');
    expect(await run('searches', 'find_owner', { authData, inputData: { email_or_id: '123' } })).toEqual([]);
  });

  it('uploads a file from a URL and attaches it to a contact in a note', async () => {
    const id = await contact('files@example.com');
    t.sandbox.log.clear();
    const uploaded = (await run('creates', 'upload_file', {
      authData,
      inputData: {
        file: fileUrl,
        attach_to_type: 'contacts',
        attach_to_id: id,
        note_body: 'Signed proposal',
      },
    })) as { id: string; name: string; note_id: string };
    expect(uploaded.name).toBe('proposal');
    expect(portal().files.get(uploaded.id)!.fileMd5).toBe(createHash('md5').update(fileBytes).digest('hex'));
    const note = portal().records.get('0-46', uploaded.note_id)!;
    expect(note.properties).toMatchObject({
      hs_attachment_ids: uploaded.id,
      hs_note_body: 'Signed proposal',
    });
    // The note carries its association in its create call (no separate PUT), with HubSpot's default note → contact type.
    expect([
      ...(portal().associations.typesBetween('0-46', uploaded.note_id, '0-1', id)?.keys() ?? []),
    ]).toEqual([202]);
    // Besides the reads of note property definitions (cached schema), the step spends 3 calls.
    const { 'GET /crm/v3/properties/:objectType': _schema, ...spent } = calls();
    expect(spent).toEqual({
      'GET /crm/v3/objects/:objectType/:objectId': 1,
      'POST /files/v3/files': 1,
      'POST /crm/v3/objects/:objectType': 1,
    });
    const before = portal().files.toJSON().files.length;
    await expect(
      run('creates', 'upload_file', {
        authData,
        inputData: { file: fileUrl, attach_to_type: 'contacts', attach_to_id: '99999999' },
      }),
    ).rejects.toThrow(/Record ID to attach to/);
    await expect(
      run('creates', 'upload_file', {
        authData,
        inputData: { file: fileUrl, attach_to_type: 'planets', attach_to_id: id },
      }),
    ).rejects.toThrow(/Attach to/);
    expect(portal().files.toJSON().files.length).toBe(before);
  });

  it('submits a form and triggers per form, one busy form never hiding another', async () => {
    const [contactUs, newsletter] = portal().forms.all();
    const meta = { zap: { id: 'zap-forms' } };
    const poll = async () =>
      (await run('triggers', 'new_form_submission', { authData, inputData: {}, meta })) as Array<{
        form_id: string;
        values: Record<string, string>;
      }>;
    await poll(); // sets the watermarks
    for (let i = 0; i < 120; i++) {
      portal().forms.addSubmission(contactUs!.id, {
        conversionId: `busy-${i}`,
        submittedAt: portal().now(),
        values: [{ name: 'email', value: `b${i}@example.com`, objectTypeId: '0-1' }],
      });
    }
    const submitted = (await run('creates', 'submit_form', {
      authData,
      inputData: { form_id: newsletter!.id, fields: '{"email": "news@example.com", "firstname": "Nia"}' },
    })) as { inlineMessage: string };
    expect(submitted.inlineMessage).toMatch(/Thanks/);
    expect(
      [...portal().records.table('0-1').values()].some((r) => r.properties.email === 'news@example.com'),
    ).toBe(true);
    // At most 100 items a poll (Zapier holds a Zap's runs past that); the busy form's rest and the other form's
    // submission come on the next poll, each once.
    const first = await poll();
    const second = await poll();
    expect([first.length, second.length]).toEqual([100, 21]);
    const fresh = [...first, ...second];
    expect(new Set(fresh.filter((s) => s.form_id === contactUs!.id).map((s) => s.values.email)).size).toBe(
      120,
    );
    expect(fresh.filter((s) => s.form_id === newsletter!.id).map((s) => s.values.email)).toEqual([
      'news@example.com',
    ]);
    expect(await poll()).toEqual([]);
    const count = portal().forms.submissionsOf(newsletter!.id).length;
    await expect(
      run('creates', 'submit_form', { authData, inputData: { form_id: newsletter!.id, fields: 'not json' } }),
    ).rejects.toThrow(/Fields/);
    await expect(
      run('creates', 'submit_form', {
        authData,
        inputData: { form_id: newsletter!.id, fields: '{"firstname": "No e-mail"}' },
      }),
    ).rejects.toThrow(/email/);
    expect(portal().forms.submissionsOf(newsletter!.id)).toHaveLength(count);
  });

  it('emits a backlog bigger than one poll oldest first over several polls, skipping none, ties included', async () => {
    const [contactUs] = portal().forms.all();
    const meta = { zap: { id: 'zap-form-backlog' } };
    const poll = async () =>
      (await run('triggers', 'new_form_submission', {
        authData,
        inputData: { form_ids: [contactUs!.id] },
        meta,
      })) as Array<{ id: string }>;
    while ((await poll()).length > 0); // the Zap's first polls emit what the tests above submitted
    // 252 new submissions, seven at each millisecond, so the cut between polls falls inside a millisecond.
    const start = portal().now() + 1;
    const ids = Array.from({ length: 252 }, (_, i) => `backlog-${i}`);
    for (const [i, conversionId] of ids.entries()) {
      portal().forms.addSubmission(contactUs!.id, {
        conversionId,
        submittedAt: start + Math.floor(i / 7),
        values: [{ name: 'email', value: `q${i}@example.com`, objectTypeId: '0-1' }],
      });
    }
    const polls = [await poll(), await poll(), await poll()];
    expect(polls.map((p) => p.length)).toEqual([100, 100, 52]);
    // Oldest first: every id of a poll is older than (or ties with) every id of the next one.
    const position = (s: { id: string }) => Math.floor(Number(s.id.slice('backlog-'.length)) / 7);
    expect(Math.max(...polls[0]!.map(position))).toBeLessThanOrEqual(Math.min(...polls[1]!.map(position)));
    expect(Math.max(...polls[1]!.map(position))).toBeLessThanOrEqual(Math.min(...polls[2]!.map(position)));
    const emitted = polls.flat().map((s) => s.id);
    expect(emitted).toHaveLength(new Set(emitted).size);
    expect(new Set(emitted)).toEqual(new Set(ids));
    expect(await poll()).toEqual([]);
  });

  it("watches 45 forms 20 a poll, in turns, and emits each submission once, even one made before its form's first turn", async () => {
    const seeded = portal().forms.all()[0]!;
    for (let i = 0; i < 43; i++) {
      portal().forms.add({
        ...seeded,
        id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        name: `Form ${i}`,
      });
    }
    const forms = portal().forms.all();
    expect(forms).toHaveLength(45);
    const meta = { zap: { id: 'zap-many-forms' } };
    const poll = async () => {
      t.sandbox.log.clear();
      portal().limits.reset(); // polls are minutes apart in real life; here they must not wait out the 10 s burst
      forgetPortalThrottle(String(portal().info.portalId));
      const out = (await run('triggers', 'new_form_submission', { authData, inputData: {}, meta })) as Array<{
        id: string;
      }>;
      const formsRead = new Set(
        t.sandbox.log
          .all()
          .filter((e) => e.endpoint === 'GET /form-integrations/v1/submissions/forms/:formGuid')
          .map((e) => e.path),
      );
      expect(formsRead.size).toBeLessThanOrEqual(20);
      return out.map((s) => s.id);
    };
    const before = await poll(); // the Zap's first poll: the first 20 forms take their turn
    for (const [i, f] of forms.entries()) {
      portal().forms.addSubmission(f.id, {
        conversionId: `turn-${i}`,
        submittedAt: portal().now(),
        values: [{ name: 'email', value: `turn${i}@example.com`, objectTypeId: '0-1' }],
      });
    }
    // 45 forms take 3 turns; the tests above left submissions that this Zap's first polls emit too, 100 a poll.
    const emitted: string[] = [];
    for (let turn = 0; turn < 12; turn++)
      emitted.push(...(await poll()).filter((id) => id.startsWith('turn-')));
    expect(before.filter((id) => id.startsWith('turn-'))).toEqual([]);
    expect(emitted.sort()).toEqual(forms.map((_, i) => `turn-${i}`).sort());
  });

  it('buffers 1,000 contact upserts into at most 10 batch calls, with a result or an error for every run', async () => {
    const buffered = (testApp.creates as Record<string, { operation: { performBuffer: unknown } }>)
      .batch_upsert!;
    const buffer = Array.from({ length: 1000 }, (_, i) => ({
      meta: { id: `run-${i}` },
      inputData: {
        object_type: 'contacts',
        id_property: 'email',
        email: `bulk${i}@example.com`,
        firstname: `Bulk ${i}`,
        // One bad row: an option HubSpot does not have.
        ...(i === 500 ? { lifecyclestage: 'not-a-stage' } : {}),
      },
    }));
    const results = (await appTester(
      buffered.operation.performBuffer as never,
      { authData, inputData: {}, buffer } as never,
    )) as Record<string, { outputData?: { id: string; is_new: boolean }; error?: string }>;
    expect(Object.keys(results)).toHaveLength(1000);
    expect(results['run-500']!.error).toMatch(/lifecyclestage/i);
    expect(results['run-0']!.outputData!.is_new).toBe(true);
    expect(Object.values(results).filter((r) => r.outputData)).toHaveLength(999);
    expect(calls()['POST /crm/v3/objects/:objectType/batch/upsert']).toBeLessThanOrEqual(10);
    expect(Object.values(results).some((r) => /limit/i.test(r.error ?? ''))).toBe(false);
  });

  it('api_request calls any HubSpot path with the connection and refuses other hosts', async () => {
    const res = (await run('creates', 'api_request', {
      authData,
      inputData: { method: 'GET', path: '/crm/v3/owners', query: '{"limit": 2}' },
    })) as {
      status: number;
      data: { results: unknown[] };
    };
    expect(res.status).toBe(200);
    expect(res.data.results).toHaveLength(2);
    for (const path of ['https://example.com/steal', '//example.com/x', '/crm/v3/../../x', '/crm/%2e%2e/x']) {
      await expect(
        run('creates', 'api_request', { authData, inputData: { method: 'GET', path } }),
      ).rejects.toThrow(/Path/);
    }
    await expect(
      run('creates', 'api_request', {
        authData,
        inputData: { method: 'GET', path: '/crm/v3/objects/contacts/99999999' },
      }),
    ).rejects.toThrow();
  });
});
