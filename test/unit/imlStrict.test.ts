import { generateMakeApp } from '../../make/app';
import { render } from '../../make/iml/evaluate';
import { FUNCTIONS } from '../../make/iml/functions';
import { parseExpression } from '../../make/iml/parse';
import { type Json, MakeError, runCommunication } from '../../make/iml/run';

/**
 * The IML runner follows what Make documents and refuses the rest, so a module passing on it does not lean on
 * behaviour real Make may not have. Each case names the doc it follows.
 */

const API = 'https://api.hubapi.test';
const NOT_DOCUMENTED = /^not documented by Make: /;

const value = (expression: string, scope: Json = {}) => render(`{{${expression}}}`, scope);

// nock 15 is an ES module; this test file compiles to CommonJS, so it is loaded with a dynamic import.
let nock: typeof import('nock', { with: { 'resolution-mode': 'import' }}).default;
beforeAll(async () => {
  nock = (await import('nock')).default;
  nock.disableNetConnect();
});
afterAll(() => {
  nock.enableNetConnect();
  // Takes nock's interceptors off http and fetch, so the next test file of this jest worker starts clean.
  nock.restore();
});
afterEach(() => nock.cleanAll());

describe('IML functions: only what Make documents', () => {
  it('names the page each function follows, and refuses a function it does not know', () => {
    for (const [name, fn] of Object.entries(FUNCTIONS))
      expect({ name, doc: fn.doc }).toEqual({
        name,
        doc: expect.stringMatching(/^https:\/\/(help|developers)\.make\.com\//),
      });
    expect(() => value("upper('a')")).toThrow('IML: unknown function upper()');
    expect(() => value("constructor('a')")).toThrow('IML: unknown function constructor()');
  });

  it('omit needs at least one key (help.make.com general functions: omit(collection; key1; [key2; …]))', () => {
    expect(value("omit(parameters, 'a')", { parameters: { a: 1, b: 2 } })).toEqual({ b: 2 });
    expect(() => value('omit(parameters)', { parameters: { a: 1 } })).toThrow(NOT_DOCUMENTED);
    expect(() => value("omit(parameters, 'a')", { parameters: ['a'] })).toThrow(NOT_DOCUMENTED);
  });

  it('replace replaces one plain occurrence, or every match of a /regex/g; a plain text found twice is refused', () => {
    expect(value("replace('Hello World', 'Hello', 'Hi')")).toBe('Hi World');
    expect(value("replace('a1b22c', '/[0-9]/g', '')")).toBe('abc');
    expect(value("replace('a1b2', '/[0-9]/', '#')")).toBe('a#b2');
    expect(value("replace('ab', '/(a)(b)/', '$2$1')")).toBe('ba');
    expect(() => value("replace('1,2,3', ',', ';')")).toThrow(NOT_DOCUMENTED);
    expect(() => value("replace('ab', '/a/y', '')")).toThrow(NOT_DOCUMENTED);
    expect(() => value("replace('ab', 'a', '$$')")).toThrow(NOT_DOCUMENTED);
  });

  it('map keeps every item value, empty ones too, and filters by comma-separated texts', () => {
    const items = [
      { label: 'Primary', typeId: 1 },
      { label: null, typeId: 279 },
      { label: 'Billing', typeId: 36 },
    ];
    expect(value("map(body, 'label')", { body: items })).toEqual(['Primary', null, 'Billing']);
    expect(value("map(body, 'label', 'typeId', '36,1')", { body: items })).toEqual(['Primary', 'Billing']);
    expect(() => value("map(body, 'label')", {})).toThrow(NOT_DOCUMENTED);
    expect(() => value("map(body, 'label', 'typeId')", { body: items })).toThrow(NOT_DOCUMENTED);
  });

  it('reads arrays 1-based, -1 the last item (IML page); 0 is no index there', () => {
    const body = { results: ['first', 'second', 'third'] };
    expect(value('body.results[1]', { body })).toBe('first');
    expect(value('body.results[-1]', { body })).toBe('third');
    expect(value("get(body, 'results.2')", { body })).toBe('second');
    expect(() => value('body.results[0]', { body })).toThrow(NOT_DOCUMENTED);
  });

  it('ifempty treats undefined, null and "" as empty, and nothing else', () => {
    expect(value("ifempty(parameters.x, 'b')", { parameters: {} })).toBe('b');
    expect(value("ifempty(parameters.x, 'b')", { parameters: { x: '' } })).toBe('b');
    expect(value("ifempty(parameters.x, 'b')", { parameters: { x: 0 } })).toBe(0);
    expect(value("ifempty(parameters.x, 'b')", { parameters: { x: [] } })).toEqual([]);
  });

  it('refuses values a function page does not document', () => {
    expect(() => value('length(parameters.ids)', { parameters: {} })).toThrow(NOT_DOCUMENTED);
    expect(value('length(ifempty(parameters.ids, emptyarray))', { parameters: {} })).toBe(0);
    expect(() => value("formatDate(now, 'YYYY-MM-DD')", { now: new Date(0) })).toThrow(NOT_DOCUMENTED);
    expect(value("formatDate(now, 'YYYY-MM-DD', 'UTC')", { now: new Date(0) })).toBe('1970-01-01');
    expect(value("formatDate(addSeconds(now, -60), 'x')", { now: new Date(60_000) })).toBe('0');
    expect(() => value("formatDate(data.lastDate, 'x')", { data: {} })).toThrow(NOT_DOCUMENTED);
    expect(() => value("join(body, ',')", { body: ['a', null] })).toThrow(NOT_DOCUMENTED);
  });

  it('parseDate reads Unix times with the x (ms) and X (s) tokens (help.make.com date functions, tokens), nothing else', () => {
    expect(value("parseDate(body.at, 'x')", { body: { at: 1_767_603_600_000 } })).toEqual(
      new Date('2026-01-05T09:00:00.000Z'),
    );
    expect(value("parseDate('1767603600', 'X')")).toEqual(new Date('2026-01-05T09:00:00.000Z'));
    // A date value compares with the ISO text Make keeps as a trigger's last date.
    expect(
      value("parseDate('1767603600001', 'x') > data.lastDate", {
        data: { lastDate: '2026-01-05T09:00:00.000Z' },
      }),
    ).toBe(true);
    expect(() => value("parseDate('2026-01-05', 'YYYY-MM-DD')")).toThrow(NOT_DOCUMENTED);
    expect(() => value("parseDate('soon', 'x')")).toThrow(NOT_DOCUMENTED);
    expect(() => value('parseDate(body.at)', { body: { at: 1 } })).toThrow(NOT_DOCUMENTED);
  });
});

describe('IML expressions and templates', () => {
  it('uses the operators the IML page lists, strict equality included, and no others', () => {
    expect(value("1 = 1 && 'a' === 'a' && 2 !== '2'")).toBe(true);
    expect(value("'Hello, ' + item.name", { item: { name: 'Ada' } })).toBe('Hello, Ada');
    expect(() => value("'Hello, ' + item.name", { item: {} })).toThrow(NOT_DOCUMENTED);
    expect(() => value('body.count - 1', { body: { count: '3' } })).toThrow(NOT_DOCUMENTED);
    expect(() => value('body.results && 1', { body: { results: [] } })).toThrow(NOT_DOCUMENTED);
    expect(() => value('secret', { secret: 'x' })).toThrow(NOT_DOCUMENTED);
    expect(() => parseExpression('a ? b : c')).toThrow();
  });

  it('places only text, numbers, booleans and dates inside text', () => {
    expect(render('id {{body.id}} at {{now}}', { body: { id: 7 }, now: new Date(0) })).toBe(
      'id 7 at 1970-01-01T00:00:00.000Z',
    );
    expect(() => render('ids {{body}}', { body: { id: 7 } })).toThrow(NOT_DOCUMENTED);
  });

  it('spreads "{{...}}" at the top of a body or output only (Make: processing of JSON strings inside JSON)', () => {
    const scope = { parameters: { a: 1, address: { city: 'Prague' } } };
    const top = {
      '{{...}}': "{{omit(parameters, 'address')}}",
      address: '{{createJSON(parameters.address)}}',
    };
    expect(render(top, scope, true)).toEqual({ a: 1, address: '{"city":"Prague"}' });
    expect(() => render({ properties: { '{{...}}': '{{parameters}}' } }, scope, true)).toThrow(
      NOT_DOCUMENTED,
    );
    expect(() => render(top, scope)).toThrow(NOT_DOCUMENTED);
  });
});

describe('IML communications (Make: requests, multiple requests)', () => {
  it('outputs condition.default when the only request is skipped; refuses a skipped last request of several', async () => {
    const skipped = {
      condition: { condition: '{{parameters.go}}', default: { skipped: true } },
      url: `${API}/a`,
    };
    expect((await runCommunication(skipped, { parameters: { go: false } })).outputs).toEqual([
      { skipped: true },
    ]);
    nock(API).get('/first').reply(200, { id: '1' });
    const several = [{ url: `${API}/first`, response: { temp: { id: '{{body.id}}' } } }, skipped];
    await expect(runCommunication(several, { parameters: { go: false } })).rejects.toThrow(NOT_DOCUMENTED);
  });

  it('goes on to the next request when one is skipped, and runs temp before condition', async () => {
    nock(API).get('/second').reply(200, { id: '2' });
    const steps = [
      { temp: { go: '{{parameters.mode == "first"}}' }, condition: '{{temp.go}}', url: `${API}/first` },
      { url: `${API}/second`, response: { output: { id: '{{body.id}}', went: '{{temp.go}}' } } },
    ];
    const { outputs } = await runCommunication(steps, { parameters: { mode: 'second' } });
    expect(outputs).toEqual([{ id: '2', went: false }]);
  });

  it('sends a body spread at its top, and refuses one spread deeper', async () => {
    const scope = { parameters: { email: 'ada@example.com', record_id: '1' } };
    const sent = nock(API).post('/contacts', { email: 'ada@example.com' }).reply(201, { id: '9' });
    const top = {
      url: `${API}/contacts`,
      method: 'POST',
      body: { '{{...}}': "{{omit(parameters, 'record_id')}}" },
    };
    expect((await runCommunication(top, scope)).outputs).toEqual([{ id: '9' }]);
    expect(sent.isDone()).toBe(true);
    const nested = { ...top, body: { properties: { '{{...}}': "{{omit(parameters, 'record_id')}}" } } };
    await expect(runCommunication(nested, scope)).rejects.toThrow(NOT_DOCUMENTED);
  });

  it('paginates as the pagination docs say: page 2 in the directives after the first request, url from the body', async () => {
    nock(API)
      .get('/items')
      .query({ size: '2', page: '1' })
      .reply(200, { items: [1, 2], pages: 3 });
    nock(API)
      .get('/items')
      .query({ size: '2', page: '2' })
      .reply(200, { items: [3, 4], pages: 3, next: `${API}/last` });
    nock(API)
      .get('/last')
      .query({ size: '2', page: '3' })
      .reply(200, { items: [5], pages: 3 });
    const spec = {
      url: `${API}/items`,
      qs: { size: 2, page: 1 },
      pagination: { qs: { page: '{{pagination.page}}' }, condition: '{{body.pages >= pagination.page}}' },
      response: { iterate: '{{body.items}}' },
    };
    const paged = {
      ...spec,
      pagination: { ...spec.pagination, url: `{{ifempty(body.next, '${API}/items')}}` },
    };
    expect((await runCommunication(paged, {})).outputs).toEqual([1, 2, 3, 4, 5]);
  });

  it('refuses response.temp on a paginated request (what temp keeps across pages is not documented), before sending', async () => {
    const spec = {
      url: `${API}/items`,
      pagination: { qs: { page: '{{pagination.page}}' }, condition: '{{body.next}}' },
      response: {
        temp: { seen: '{{merge(ifempty(temp.seen, emptyarray), body.items)}}' },
        iterate: '{{body.items}}',
      },
    };
    await expect(runCommunication(spec, {})).rejects.toThrow(/response\.temp on a paginated request/);
    // The documented way: a value kept by an earlier request, read in each item's output of the paged one.
    nock(API)
      .get('/labels')
      .reply(200, { names: { a: 'Alpha' } });
    nock(API)
      .get('/items')
      .reply(200, { items: ['a'], next: true });
    nock(API)
      .get('/items')
      .query({ page: '2' })
      .reply(200, { items: ['a'] });
    const steps = [
      { url: `${API}/labels`, response: { temp: { names: '{{body.names}}' } } },
      {
        url: `${API}/items`,
        pagination: { qs: { page: '{{pagination.page}}' }, condition: '{{body.next}}' },
        response: { iterate: '{{body.items}}', output: '{{get(temp.names, item)}}' },
      },
    ];
    expect((await runCommunication(steps, {})).outputs).toEqual(['Alpha', 'Alpha']);
  });

  it('no generated module, epoch or RPC keeps temp on a paginated request (the stage labels read first instead)', () => {
    const { app } = generateMakeApp();
    const comms = [
      ...app.modules.flatMap((m) => [m.communication, m.epoch ?? []]),
      ...app.rpcs.map((r) => r.communication),
    ];
    const paged = comms.flat().filter((s) => (s as Json).pagination !== undefined) as Json[];
    expect(paged.length).toBeGreaterThan(10);
    expect(paged.filter((s) => (s.response as Json | undefined)?.temp !== undefined)).toEqual([]);
    const findDeal = [app.modules.find((m) => m.name === 'findDeal')!.communication].flat() as Json[];
    expect(findDeal.map((s) => s.url)).toEqual(['/crm/v3/pipelines/deals', '/crm/v3/objects/deals/search']);
  });

  it('refuses a directive Make does not document, and says which documented ones it does not run', async () => {
    await expect(runCommunication({ url: `${API}/a`, retry: 3 }, {})).rejects.toThrow(NOT_DOCUMENTED);
    await expect(runCommunication({ url: `${API}/a`, repeat: { limit: 2 } }, {})).rejects.toThrow(
      'IML: the directive repeat is not implemented by this runner',
    );
    nock(API).get('/a').reply(200, {});
    await expect(
      runCommunication({ url: `${API}/a`, response: { iterate: '{{body.results}}' } }, {}),
    ).rejects.toThrow(NOT_DOCUMENTED);
  });
});

describe("the generated Base's error directive", () => {
  const base = { ...generateMakeApp().app.base, baseUrl: API };
  const errorOf = async (status: number, body: string | object) => {
    nock(API).get('/crm/v3/objects/contacts/1').reply(status, body);
    const failure = await runCommunication({ url: '/crm/v3/objects/contacts/1' }, {}, { base }).catch(
      (e) => e,
    );
    expect(failure).toBeInstanceOf(MakeError);
    return { type: (failure as MakeError).type, message: (failure as MakeError).message };
  };

  it('maps an answer without HubSpot details: a 400 without errors, a 502 HTML page', async () => {
    expect(await errorOf(400, { status: 'error', category: 'VALIDATION_ERROR' })).toEqual({
      type: 'DataError',
      message: '[400] HubSpot answered 400',
    });
    expect(await errorOf(502, '<html>Bad gateway</html>')).toEqual({
      type: 'ConnectionError',
      message: '[502] HubSpot answered 502',
    });
  });
});
