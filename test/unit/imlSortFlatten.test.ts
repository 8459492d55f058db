import { render } from '../../make/iml/evaluate';
import { type Json, MakeError, runCommunication } from '../../make/iml/run';

/**
 * The array functions and the `valid` fallback the property-change watch modules' stall check uses, as
 * help.make.com's array functions page and the `valid` page of the custom-apps docs describe them.
 */
const NOT_DOCUMENTED = /^not documented by Make: /;
const value = (expression: string, scope: Json = {}) => render(`{{${expression}}}`, scope);

describe('IML sort() and flatten()', () => {
  const records = {
    items: [
      {
        id: '7',
        history: [{ timestamp: '2026-01-05T09:00:02.000Z' }, { timestamp: '2026-01-05T09:00:00.000Z' }],
      },
      { id: '8', history: [] },
      { id: '9', history: [{ timestamp: '2026-01-05T09:00:03.000Z' }] },
    ],
  };

  it('sorts numbers and texts ascending by default, descending on request, capitals before small letters', () => {
    expect(value('sort(temp.n)', { temp: { n: [3, 10, 2] } })).toEqual([2, 3, 10]);
    expect(value("sort(temp.n, 'desc')", { temp: { n: [3, 10, 2] } })).toEqual([10, 3, 2]);
    expect(value('sort(temp.t)', { temp: { t: ['b', 'B', 'a', 'A'] } })).toEqual(['A', 'B', 'a', 'b']);
  });

  it('sorts complex items by a dot-notation key, arrays 1-based', () => {
    const sorted = value("sort(temp.items, 'desc', 'history.1.timestamp')", {
      temp: { items: records.items.filter((r) => r.history.length > 0) },
    }) as Json[];
    expect(sorted.map((r) => r.id)).toEqual(['9', '7']);
  });

  it('refuses what the page does not place: mixed or empty values, the ci orders', () => {
    expect(() => value('sort(temp.n)', { temp: { n: [1, 'a'] } })).toThrow(NOT_DOCUMENTED);
    expect(() => value("sort(temp.items, 'asc', 'history.1.timestamp')", { temp: records })).toThrow(
      NOT_DOCUMENTED,
    );
    expect(() => value("sort(temp.t, 'asc ci')", { temp: { t: ['a'] } })).toThrow(NOT_DOCUMENTED);
  });

  it('flattens one level, or to the depth given', () => {
    expect(value("flatten(map(temp.items, 'history'))", { temp: records })).toEqual([
      { timestamp: '2026-01-05T09:00:02.000Z' },
      { timestamp: '2026-01-05T09:00:00.000Z' },
      { timestamp: '2026-01-05T09:00:03.000Z' },
    ]);
    expect(value('flatten(temp.a)', { temp: { a: [1, [2, [3]]] } })).toEqual([1, 2, [3]]);
    expect(value('flatten(temp.a, 2)', { temp: { a: [1, [2, [3]]] } })).toEqual([1, 2, 3]);
    expect(() => value('flatten(temp.a, -1)', { temp: { a: [] } })).toThrow(NOT_DOCUMENTED);
  });
});

describe('valid on a request-less step', () => {
  it("stops the module with the step's message and type, or the documented fallback message", async () => {
    const run = (valid: unknown) =>
      runCommunication([{ response: { temp: { n: '{{length(parameters.a)}}' }, valid } }], {
        parameters: { a: [1, 2] },
      });
    await expect(run('{{temp.n < 2}}')).rejects.toEqual(
      new MakeError('RuntimeError', 'Response marked as invalid.'),
    );
    const failed = await run({
      condition: '{{temp.n < 2}}',
      message: '{{temp.n}} is too many',
      type: 'InvalidConfigurationError',
    }).catch((e: MakeError) => e);
    expect(failed).toMatchObject({ type: 'InvalidConfigurationError', message: '2 is too many' });
    await expect(run('{{temp.n == 2}}')).resolves.toMatchObject({ outputs: [] });
  });
});
