import { NotDocumentedError } from '../../make/iml/functions';
import { expandInterface } from '../../make/iml/interface';

/**
 * The runner's reading of a module interface: static fields, and `"rpc://nameOfTheRPC"` items replaced by the fields
 * the RPC outputs (https://developers.make.com/custom-apps-documentation/component-blocks/interface, "Dynamic
 * interface using RPC"). Any other form is refused, so the generator cannot lean on one Make does not document.
 */
describe('Make interface with RPC references (runner)', () => {
  const id = { name: 'id', label: 'Record ID', type: 'text' };
  const properties = { name: 'properties', label: 'Properties', type: 'collection', spec: [id] };
  const called: string[] = [];
  const rpc = async (name: string) => {
    called.push(name);
    return [properties];
  };
  beforeEach(() => {
    called.length = 0;
  });

  it('replaces a top-level "rpc://name" item by what the RPC outputs, beside the static fields', async () => {
    await expect(expandInterface([id, 'rpc://listContactsOutputProperties'], rpc)).resolves.toEqual([
      id,
      properties,
    ]);
    expect(called).toEqual(['listContactsOutputProperties']);
  });

  it.each([
    ['a query after the name', [id, 'rpc://listFields?type=contacts']],
    ['another scheme', [id, 'rpcs://listFields']],
    ['a reference inside a spec', [{ name: 'properties', type: 'collection', spec: 'rpc://listFields' }]],
    ['a whole interface that is not an array', 'rpc://listFields'],
  ])('refuses %s as not documented', async (_what, items) => {
    await expect(expandInterface(items, rpc)).rejects.toThrow(NotDocumentedError);
    expect(called).toEqual([]);
  });

  it('refuses an RPC that outputs something other than fields', async () => {
    await expect(expandInterface(['rpc://listFields'], async () => ['rpc://other'])).rejects.toThrow(
      /not documented by Make: a text as a field of the output of RPC listFields/,
    );
  });
});
