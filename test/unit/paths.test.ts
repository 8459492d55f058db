import { API_PATH_REASONS, type ApiPathProblem, apiPath, apiPathProblem } from '../../hubspot/apiPath';
import { apiFamily, baseUrl, formsBaseUrl } from '../../hubspot/config';
import { buildUrl, formsSecureSubmitUrl, paths } from '../../hubspot/paths';
import { render } from '../../make/iml/evaluate';
import type { Json } from '../../make/model';
import { PATH_GUARDS } from '../../make/nativeModules';

const saved = { ...process.env };
afterEach(() => {
  for (const key of ['HUBSPOT_BASE_URL', 'HUBSPOT_FORMS_BASE_URL', 'HUBSPOT_API_VERSION']) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
});

describe('base URL', () => {
  test('defaults to api.hubapi.com and is read at call time', () => {
    delete process.env.HUBSPOT_BASE_URL;
    expect(baseUrl()).toBe('https://api.hubapi.com');
    process.env.HUBSPOT_BASE_URL = 'http://127.0.0.1:4010///';
    expect(baseUrl()).toBe('http://127.0.0.1:4010');
    expect(buildUrl(paths.objects.one('contacts', 5))).toBe(
      'http://127.0.0.1:4010/crm/v3/objects/contacts/5',
    );
  });

  test('forms host follows HUBSPOT_FORMS_BASE_URL, else HUBSPOT_BASE_URL, else api.hsforms.com', () => {
    delete process.env.HUBSPOT_BASE_URL;
    delete process.env.HUBSPOT_FORMS_BASE_URL;
    expect(formsBaseUrl()).toBe('https://api.hsforms.com');
    process.env.HUBSPOT_BASE_URL = 'https://api.hubapi.test';
    expect(formsSecureSubmitUrl(42, 'abc-def')).toBe(
      'https://api.hubapi.test/submissions/v3/integration/secure/submit/42/abc-def',
    );
    process.env.HUBSPOT_FORMS_BASE_URL = 'https://forms.test/';
    expect(formsSecureSubmitUrl(42, 'abc-def')).toBe(
      'https://forms.test/submissions/v3/integration/secure/submit/42/abc-def',
    );
  });
});

describe('path families', () => {
  test('an unknown HUBSPOT_API_VERSION is refused', () => {
    process.env.HUBSPOT_API_VERSION = 'v9';
    expect(() => apiFamily()).toThrow(/HUBSPOT_API_VERSION/);
  });

  const cases: Array<[string, () => string, string, string]> = [
    [
      'object list',
      () => paths.objects.list('contacts'),
      '/crm/v3/objects/contacts',
      '/crm/objects/2026-03/contacts',
    ],
    [
      'batch upsert',
      () => paths.objects.batch('deals', 'upsert'),
      '/crm/v3/objects/deals/batch/upsert',
      '/crm/objects/2026-03/deals/batch/upsert',
    ],
    [
      'search',
      () => paths.objects.search('companies'),
      '/crm/v3/objects/companies/search',
      '/crm/objects/2026-03/companies/search',
    ],
    [
      'merge',
      () => paths.objects.merge('contacts'),
      '/crm/v3/objects/contacts/merge',
      '/crm/objects/2026-03/contacts/merge',
    ],
    [
      'property',
      () => paths.properties.one('contacts', 'email'),
      '/crm/v3/properties/contacts/email',
      '/crm/properties/2026-03/contacts/email',
    ],
    [
      'property groups',
      () => paths.properties.groups('deals'),
      '/crm/v3/properties/deals/groups',
      '/crm/properties/2026-03/deals/groups',
    ],
    [
      'pipeline stages',
      () => paths.pipelines.stages('deals', 'default'),
      '/crm/v3/pipelines/deals/default/stages',
      '/crm/pipelines/2026-03/deals/default/stages',
    ],
    ['owners', () => paths.owners.list(), '/crm/v3/owners', '/crm/owners/2026-03'],
    [
      'default association',
      () => paths.associations.putDefault('contacts', 1, 'companies', 2),
      '/crm/v4/objects/contacts/1/associations/default/companies/2',
      '/crm/objects/2026-03/contacts/1/associations/default/companies/2',
    ],
    [
      'association batch',
      () => paths.associations.batch('contacts', 'companies', 'associate/default'),
      '/crm/v4/associations/contacts/companies/batch/associate/default',
      '/crm/associations/2026-03/contacts/companies/batch/associate/default',
    ],
    [
      'association labels',
      () => paths.associations.labels('deals', 'contacts'),
      '/crm/v4/associations/deals/contacts/labels',
      '/crm/associations/2026-03/deals/contacts/labels',
    ],
    [
      'list members add',
      () => paths.lists.addMembers(7),
      '/crm/v3/lists/7/memberships/add',
      '/crm/lists/2026-03/7/memberships/add',
    ],
    ['oauth token', () => paths.oauth.token(), '/oauth/v3/token', '/oauth/2026-03/token'],
    [
      'oauth introspect',
      () => paths.oauth.introspect(),
      '/oauth/v3/token/introspect',
      '/oauth/2026-03/token/introspect',
    ],
    ['oauth revoke', () => paths.oauth.revoke(), '/oauth/v3/token/revoke', '/oauth/2026-03/token/revoke'],
    [
      'account details',
      () => paths.account.details(),
      '/account-info/v3/details',
      '/account-info/v3/details',
    ],
    ['files', () => paths.files.upload(), '/files/v3/files', '/files/v3/files'],
  ];

  test.each(cases)('%s', (_name, build, legacy, dated) => {
    delete process.env.HUBSPOT_API_VERSION;
    expect(build()).toBe(legacy);
    process.env.HUBSPOT_API_VERSION = '2026-03';
    expect(build()).toBe(dated);
  });
});

describe('encoding and queries', () => {
  test('segments are percent-encoded', () => {
    expect(paths.objects.one('contacts', 'ann+1@x.com')).toBe('/crm/v3/objects/contacts/ann%2B1%40x.com');
    expect(paths.lists.one('a/b')).toBe('/crm/v3/lists/a%2Fb');
  });

  // encodeURIComponent leaves dots alone, and `.`/`..` are dot segments every URL parser resolves:
  // `/crm/v3/objects/contacts/..` is `/crm/v3/objects/`. An empty segment drops to the collection endpoint.
  test.each([
    ['a record id of ..', () => paths.objects.one('contacts', '..')],
    ['a record id of .', () => paths.objects.one('contacts', '.')],
    ['an empty record id', () => paths.objects.one('contacts', '')],
    ['an object type of ..', () => paths.objects.search('..')],
    ['a list id of ..', () => paths.lists.memberships('..')],
    ['an association target of .', () => paths.associations.pair('contacts', 1, 'companies', '.')],
    ['a form id of ..', () => formsSecureSubmitUrl(42, '..')],
  ])('a path segment cannot address another endpoint: %s', (_name, build) => {
    expect(build).toThrow(/path segment/);
  });

  test('dots inside a value are one segment and stay', () => {
    expect(paths.objects.one('contacts', 'a..b@x.com')).toBe('/crm/v3/objects/contacts/a..b%40x.com');
    expect(paths.objects.one('contacts', '...')).toBe('/crm/v3/objects/contacts/...');
  });

  test('arrays become repeated keys and undefined is dropped', () => {
    process.env.HUBSPOT_BASE_URL = 'https://api.hubapi.test';
    const url = buildUrl('/crm/v3/objects/contacts', {
      properties: ['email', 'firstname'],
      after: undefined,
      limit: 10,
    });
    expect(url).toBe(
      'https://api.hubapi.test/crm/v3/objects/contacts?properties=email&properties=firstname&limit=10',
    );
  });
});

describe('a typed API path (Zapier API Request, Make "Make an API Call")', () => {
  const cases: Array<[string, ApiPathProblem | undefined]> = [
    ['/crm/v3/objects/contacts', undefined],
    ['crm/v3/objects/contacts', undefined],
    ['/crm/v3/objects/contacts/jane%40example.com', undefined],
    ['/crm/v3/objects/contacts/a..b', undefined],
    ['/crm/v3/objects/p123_cars/.../x:y', undefined],
    ['https://evil.example/steal', 'notAPath'],
    ['HTTP://evil.example/steal', 'notAPath'],
    ['javascript:alert(1)', 'notAPath'],
    ['evil.example:443/steal', 'notAPath'],
    ['//evil.example/steal', 'notAPath'],
    ['\\\\evil.example/steal', 'characters'],
    ['/\\evil.example/steal', 'characters'],
    ['@evil.example/steal', 'characters'],
    ['/crm/v3/objects/contacts/jane@example.com', 'characters'],
    ['/crm/v3/../../steal', 'dotSegments'],
    ['/crm/v3/objects/contacts/.', 'dotSegments'],
    ['..', 'dotSegments'],
    ['/crm/%2e%2E/steal', 'dotSegments'],
    ['/crm/v3/objects/contacts/.%2E', 'dotSegments'],
    ['/crm/v3/objects%2F..%2Fsteal', 'dotSegments'],
    ['/crm/v3/objects\r\nX-Injected: 1', 'controlCharacters'],
    ['/crm/v3/objects/contacts\u0000', 'controlCharacters'],
    ['/crm/v3/objects/contacts\u007f', 'controlCharacters'],
    ['/crm/v3/objects/\u001b[31m', 'controlCharacters'],
  ];

  test.each(cases)('%j: %s', (typed, problem) => {
    expect(apiPathProblem(typed)).toBe(problem);
  });

  test('a path typed without its leading slash gets one', () => {
    expect(apiPath(' crm/v3/owners ')).toBe('/crm/v3/owners');
    expect(apiPath('/crm/v3/owners')).toBe('/crm/v3/owners');
  });

  // Make cannot run TypeScript: its module checks the same rules in IML. Both must refuse the same paths, the same way.
  test.each(cases)('Make refuses %j as the core does (%s)', (typed, problem) => {
    const failing = PATH_GUARDS.find((step) => {
      const valid = (step.response as Json).valid as Json;
      return !render(valid.condition, { parameters: { path: typed } });
    });
    const message = failing ? ((failing.response as Json).valid as Json).message : undefined;
    expect(message).toBe(problem && `URL (path): ${API_PATH_REASONS[problem]}`);
  });
});
