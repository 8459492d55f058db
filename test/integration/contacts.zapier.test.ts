import { startTestSandbox, type TestSandbox } from '../support/sandbox';
import { run, useBaseUrl } from '../support/zapier';

/** Contacts end to end: the real Zapier app, through createAppTester, against the sandbox over a local port. */
describe('Zapier contacts operations against the sandbox', () => {
  let t: TestSandbox;
  let authData: Record<string, string>;

  beforeAll(async () => {
    t = await startTestSandbox();
    useBaseUrl(t.url);
    authData = { access_token: t.token, hub_id: String(t.sandbox.portal.info.portalId) };
  });
  afterAll(() => t.close());
  beforeEach(() => {
    t.sandbox.log.clear();
    t.sandbox.portal.limits.reset();
    t.sandbox.faults.reset();
  });

  const contactCount = () =>
    [...t.sandbox.portal.records.table('0-1').values()].filter((r) => !r.archived).length;
  const calls = () => t.sandbox.log.countsByEndpoint();

  it('creates a contact with typed values and reads it back', async () => {
    const created = (await run('creates', 'create_contact', {
      authData,
      inputData: {
        email: 'ada@example.com',
        firstname: 'Ada',
        lifecyclestage: 'Lead',
        date_of_birth: '1815-12-10',
      },
    })) as { id: string; properties: Record<string, string> };
    expect(created.id).toMatch(/^\d+$/);
    expect(created.properties.email).toBe('ada@example.com');
    const stored = t.sandbox.portal.records.get('0-1', created.id)!;
    // The label "Lead" was mapped to HubSpot's internal value.
    expect(stored.properties.lifecyclestage).toBe('lead');
    expect(calls()['POST /crm/v3/objects/:objectType']).toBe(1);
  });

  it('finds a contact by e-mail at once, even while search has not indexed it (no duplicate in search-or-create)', async () => {
    t.sandbox.portal.searchIndexLagMs = 60_000;
    try {
      await run('creates', 'create_contact', { authData, inputData: { email: 'fresh@example.com' } });
      const found = (await run('searches', 'find_contact', {
        authData,
        inputData: { search_property: 'email', search_value: 'fresh@example.com' },
      })) as Array<{ properties: Record<string, string> }>;
      expect(found).toHaveLength(1);
      expect(found[0]!.properties.email).toBe('fresh@example.com');
      // The create half of search-or-create, racing a write it could not see, returns the existing contact.
      const before = contactCount();
      const again = (await run('creates', 'create_contact', {
        authData,
        inputData: { email: 'fresh@example.com' },
        meta: { withSearch: 'find_contact' },
      })) as { existing?: boolean };
      expect(again.existing).toBe(true);
      expect(contactCount()).toBe(before);
    } finally {
      t.sandbox.portal.searchIndexLagMs = 0;
    }
  });

  it('creates then updates by e-mail in one HubSpot call each (create_or_update_contact)', async () => {
    const first = (await run('creates', 'create_or_update_contact', {
      authData,
      inputData: { id_property: 'email', email: 'grace@example.com', firstname: 'Grace' },
    })) as { id: string; is_new: boolean };
    expect(first.is_new).toBe(true);
    t.sandbox.log.clear();
    const second = (await run('creates', 'create_or_update_contact', {
      authData,
      inputData: { id_property: 'email', email: 'grace@example.com', lastname: 'Hopper' },
    })) as { id: string; is_new: boolean; properties: Record<string, string> };
    expect(second.is_new).toBe(false);
    expect(second.id).toBe(first.id);
    expect(t.sandbox.log.summary().total).toBe(1);
  });

  it('updates a contact found by e-mail', async () => {
    await run('creates', 'create_contact', { authData, inputData: { email: 'alan@example.com' } });
    const updated = (await run('creates', 'update_contact', {
      authData,
      inputData: { record_id: 'alan@example.com', id_property: 'email', jobtitle: 'Mathematician' },
    })) as { id: string };
    expect(t.sandbox.portal.records.get('0-1', updated.id)!.properties.jobtitle).toBe('Mathematician');
  });

  it.each([
    [
      { email: 'x1@example.com', lifecyclestage: 'not-a-stage' },
      /Lifecycle Stage \(lifecyclestage\).*subscriber/i,
    ],
    [{ email: 'x2@example.com', date_of_birth: 'tomorrowish' }, /date_of_birth/],
    [{ email: 'not-an-email', firstname: 'X' }, /email/i],
    [{ email: 'x3@example.com', favourite_colour: 'blue' }, /favourite_colour.*not a property/],
    [{ email: 'x4@example.com', hs_object_id: '12' }, /read-only/],
  ])('refuses bad input %j with an error naming the field, writing nothing', async (inputData, message) => {
    const before = contactCount();
    await expect(run('creates', 'create_contact', { authData, inputData })).rejects.toThrow(message);
    expect(contactCount()).toBe(before);
  });

  it('refuses a 2 MB first name before calling HubSpot, naming the field, its length and the limit', async () => {
    const step = run('creates', 'create_contact', {
      authData,
      inputData: { email: 'long@example.com', firstname: 'x'.repeat(2_000_000) },
    });
    await expect(step).rejects.toMatchObject({ name: 'HaltedError' });
    await expect(step).rejects.toThrow(
      /First Name \(firstname\): is 2,000,000 characters long; HubSpot accepts at most 65,536\./,
    );
    expect(calls()['POST /crm/v3/objects/:objectType']).toBeUndefined();
  });

  it('gives the daily-quota error when HubSpot answers DAILY, without retrying', async () => {
    t.sandbox.faults.add({
      path: '/crm/v3/objects/contacts',
      status: 429,
      body: {
        status: 'error',
        message: 'You have reached your daily limit.',
        errorType: 'RATE_LIMIT',
        policyName: 'DAILY',
      },
    });
    await expect(
      run('creates', 'create_contact', { authData, inputData: { email: 'late@example.com' } }),
    ).rejects.toThrow(/daily/i);
    expect(calls().fault).toBe(1);
    expect(calls()['POST /crm/v3/objects/:objectType']).toBeUndefined();
  });

  it('absorbs a ten-secondly 429 without failing the step', async () => {
    t.sandbox.faults.add({
      path: '/crm/v3/objects/contacts',
      status: 429,
      headers: {
        'X-HubSpot-RateLimit-Remaining': '0',
        'X-HubSpot-RateLimit-Max': '100',
        'X-HubSpot-RateLimit-Interval-Milliseconds': '1000',
      },
      body: {
        status: 'error',
        message: 'You have reached your ten_secondly_rolling limit.',
        errorType: 'RATE_LIMIT',
        policyName: 'TEN_SECONDLY_ROLLING',
      },
    });
    const created = (await run('creates', 'create_contact', {
      authData,
      inputData: { email: 'burst@example.com' },
    })) as {
      id: string;
    };
    expect(created.id).toMatch(/^\d+$/);
  });
});
