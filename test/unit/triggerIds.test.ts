import App from '../../index';

/**
 * Polling triggers as Zapier's deduper sees them: `id` ("Record ID") is always HubSpot's record id, so a Zap builder
 * can map it into an update, and triggers that fire more than once per record dedupe on a field named for what it is
 * (`primary`, https://docs.zapier.com/platform/build/deduplication). Every static sample holds the primary key
 * (check D010).
 */

type Field = Record<string, unknown> & { key: string };
type Op = {
  display: { hidden?: boolean };
  operation: { outputFields?: Field[]; sample: Record<string, unknown> };
};
const app = App as unknown as Record<'triggers', Record<string, Op>>;

describe('polling trigger ids', () => {
  const polling = Object.entries(app.triggers).filter(([, op]) => !op.display.hidden);
  const primaryKeys = (op: Op) =>
    (op.operation.outputFields ?? []).filter((f) => f.primary).map((f) => f.key);

  it.each(
    polling.filter(([key]) =>
      /^new_or_updated_|_property_change$|^deal_stage_changed$|^new_list_member$/.test(key),
    ),
  )('%s: `id` is the record id, and a dedupe key named as such is the primary key', (_key, op) => {
    expect(primaryKeys(op)).toEqual(['dedupe_key']);
    const outputs = op.operation.outputFields!;
    expect(outputs.find((f) => f.key === 'id')).toMatchObject({ label: 'Record ID' });
    expect(outputs.find((f) => f.key === 'dedupe_key')?.label).toMatch(/^Dedupe Key/);
    expect(op.operation.sample.id).toMatch(/^\d+$/);
    expect(String(op.operation.sample.dedupe_key)).toMatch(
      new RegExp(`^.*${op.operation.sample.id}.*-\\d{13}$`),
    );
  });

  it.each(polling)('%s: the static sample holds every primary key (D010)', (_key, op) => {
    const keys = primaryKeys(op);
    for (const key of keys.length > 0 ? keys : ['id']) expect(op.operation.sample[key]).toBeDefined();
  });
});
