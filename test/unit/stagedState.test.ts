import { type StateDocumentStore, stagedState } from '../../operations/stagedState';

function memoryStore(initial?: Record<string, unknown>) {
  const writes: Array<Record<string, unknown>> = [];
  let document = initial;
  const store: StateDocumentStore = {
    read: async () => document,
    write: async (next) => {
      writes.push(next);
      document = next;
    },
  };
  return { store, writes };
}

describe('stagedState: state moves only when a run commits', () => {
  it('reads the stored document and the run’s own staged writes, and writes nothing before commit', async () => {
    const { store, writes } = memoryStore({ 'watermark:a': 1, 'watermark:b': 2 });
    const state = stagedState(store);
    await state.set('watermark:a', 10);
    expect(await state.get('watermark:a')).toBe(10);
    expect(await state.get('watermark:b')).toBe(2);
    expect(writes).toEqual([]);
  });

  it('commits every staged key in one write, keeping the keys it did not touch', async () => {
    const { store, writes } = memoryStore({ 'form:1': 'x', 'form:2': 'y' });
    const state = stagedState(store);
    await state.set('form:1', 'x2');
    await state.set('forms:last', '1');
    await state.commit();
    expect(writes).toEqual([{ 'form:1': 'x2', 'form:2': 'y', 'forms:last': '1' }]);
  });

  it('a run that staged nothing writes nothing; a run that never commits leaves the document as it was', async () => {
    const { store, writes } = memoryStore({ k: 1 });
    await stagedState(store).commit();
    const failed = stagedState(store);
    await failed.set('k', 2);
    expect(writes).toEqual([]);
    expect(await stagedState(store).get('k')).toBe(1);
  });
});
