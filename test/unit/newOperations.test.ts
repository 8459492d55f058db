import { HubSpotClient } from '../../hubspot/client';
import { fetchTransport } from '../../hubspot/transport';
import { enrollInWorkflow } from '../../operations/automation/enrollInWorkflow';
import { timelineTemplateDropdown } from '../../operations/automationDropdowns';
import { findFile } from '../../operations/files/findFile';
import { sendBehavioralEvent } from '../../operations/marketing/sendBehavioralEvent';
import type { OperationContext } from '../../operations/types';

const BASE = 'https://api.hubapi.test';
const TOKEN = 'pat-na1-00000000-fake-0000-0000-000000000000';

// nock 15 is an ES module; this test file compiles to CommonJS, so it is loaded with a dynamic import.
let nock: typeof import('nock', { with: { 'resolution-mode': 'import' }}).default;
const saved: Record<string, string | undefined> = {};
const ENV = ['HUBSPOT_BASE_URL', 'HUBSPOT_APP_ID', 'HUBSPOT_DEVELOPER_API_KEY'];
beforeAll(async () => {
  nock = (await import('nock')).default;
  for (const name of ENV) saved[name] = process.env[name];
  process.env.HUBSPOT_BASE_URL = BASE;
  nock.disableNetConnect();
});
afterAll(() => {
  for (const name of ENV) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
  nock.enableNetConnect();
  nock.restore();
});
afterEach(() => nock.cleanAll());

function context(input: Record<string, unknown>, logs: string[] = []): OperationContext {
  return {
    api: new HubSpotClient({ accessToken: TOKEN, transport: fetchTransport }),
    schema: { properties: async () => [], owners: async () => [] },
    state: { get: async () => undefined, set: async () => {} },
    input,
    isLoadingSample: false,
    isPopulatingDedupe: false,
    withSearch: false,
    page: 0,
    now: () => Date.UTC(2026, 0, 5),
    log: (message) => logs.push(message),
  };
}

/** The HubSpot side of the new operations, on recorded answers: what is sent, and what a refusal says. */
describe('new operations on nock', () => {
  it('find_file asks no signed URL for a public file, and one (with the chosen expiry) for a private file', async () => {
    const file = (access: string) => ({
      id: '9',
      name: 'a',
      extension: 'pdf',
      access,
      url: 'https://f/a.pdf',
    });
    nock(BASE)
      .get('/files/v3/files/search')
      .query({ name: 'a', sort: '-createdAt', limit: '1' })
      .reply(200, { results: [file('PUBLIC_INDEXABLE')] });
    expect(await findFile.perform(context({ name: 'a' }))).toEqual([
      expect.objectContaining({ url: 'https://f/a.pdf', expires_at: null }),
    ]);
    nock(BASE)
      .get('/files/v3/files/search')
      .query(true)
      .reply(200, { results: [file('PRIVATE')] })
      .get('/files/v3/files/9/signed-url')
      .query({ expirationSeconds: '90' })
      .reply(200, { url: 'https://f/a.pdf?sig', expiresAt: '2026-01-05T00:01:30Z' });
    expect(await findFile.perform(context({ name: 'a', expiration_seconds: '90' }))).toEqual([
      expect.objectContaining({ url: 'https://f/a.pdf?sig', expires_at: '2026-01-05T00:01:30Z' }),
    ]);
    expect(nock.isDone()).toBe(true);
  });

  it('enroll_in_workflow: a 403 for a portal without workflows names the product it needs', async () => {
    nock(BASE)
      .post('/automation/v4/workflow-id-mappings/batch/read', { inputs: [{ type: 'FLOW_ID', flowId: '77' }] })
      .reply(403, { status: 'error', message: 'No access.', category: 'FORBIDDEN', correlationId: 'c-9' });
    await expect(
      enrollInWorkflow.perform(context({ workflow_id: '77', email: 'a@example.com' })),
    ).rejects.toThrow(
      /HubSpot refused access: No access\. This action needs .*Professional or Enterprise.*c-9/,
    );
  });

  it('send_behavioral_event sends the JSON properties as an object and leaves out what is empty', async () => {
    nock(BASE)
      .post('/events/v3/send', {
        eventName: 'pe1_login',
        email: 'a@example.com',
        properties: { plan: 'pro' },
      })
      .reply(204);
    expect(
      await sendBehavioralEvent.perform(
        context({
          event_name: 'pe1_login',
          email: 'a@example.com',
          properties: '{"plan":"pro"}',
          object_id: '',
        }),
      ),
    ).toMatchObject({ event_name: 'pe1_login', sent: true });
    expect(nock.isDone()).toBe(true);
  });

  it('the timeline template dropdown reads with the developer key and no bearer token, and only when configured', async () => {
    const logs: string[] = [];
    const dropdown = timelineTemplateDropdown('timeline_template_list');
    delete process.env.HUBSPOT_APP_ID;
    expect(await dropdown.perform(context({}, logs))).toEqual([]);
    expect(logs[0]).toMatch(/HUBSPOT_APP_ID/);
    process.env.HUBSPOT_APP_ID = '42';
    process.env.HUBSPOT_DEVELOPER_API_KEY = 'dev-key';
    nock(BASE, { badheaders: ['authorization'] })
      .get('/integrators/timeline/v3/42/event-templates')
      .query({ hapikey: 'dev-key' })
      .reply(200, { results: [{ id: '42001', name: 'Webinar attended' }] });
    expect(await dropdown.perform(context({}))).toEqual([{ id: '42001', label: 'Webinar attended' }]);
  });
});
