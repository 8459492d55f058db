import App from '../../index';

/** The Zapier app's find-or-create pairs: each names a real search, create and update, wired by record id. */
describe('search-or-create', () => {
  type Op = {
    operation: {
      inputFields: Array<{ key: string; required?: boolean }>;
      outputFields?: Array<{ key: string }>;
    };
  };
  const app = App as unknown as {
    searches: Record<string, Op>;
    creates: Record<string, Op>;
    searchOrCreates: Record<
      string,
      {
        search: string;
        create: string;
        update?: string;
        updateInputFromSearchOutput?: Record<string, string>;
      }
    >;
  };
  const pairs = Object.values(app.searchOrCreates);

  it('pairs every finder of a record type with its create and its update', () => {
    expect(pairs.map((p) => [p.search, p.create, p.update])).toEqual([
      ['find_contact', 'create_contact', 'update_contact'],
      ['find_company', 'create_company', 'update_company'],
      ['find_deal', 'create_deal', 'update_deal'],
      ['find_ticket', 'create_ticket', 'update_ticket'],
      ['find_product', 'create_product', 'update_product'],
      ['find_order', 'create_order', 'update_order'],
      ['find_cart', 'create_cart', 'update_cart'],
      ['find_invoice', 'create_invoice', 'update_invoice'],
      ['find_quote', 'create_quote', 'update_quote'],
      ['find_lead', 'create_lead', 'update_lead'],
      ['find_object', 'create_object', 'update_object'],
    ]);
  });

  it('Find or Create Company says it keeps one company per domain, in one sentence', () => {
    const display = (app.searchOrCreates.find_company as unknown as { display: { description: string } })
      .display;
    // One sentence within Zapier's 140 characters; the mechanism and its limit (search must show the new company
    // within 20 s) are in README's "Find or create without duplicates".
    expect(display.description).toMatch(/keeping one company per domain when runs overlap/);
    expect(display.description.length).toBeLessThanOrEqual(140);
  });

  it.each(pairs.map((p) => [p.search, p] as const))(
    '%s: the update takes the found id in a required record_id',
    (_key, pair) => {
      expect(app.searches[pair.search]).toBeDefined();
      expect(app.creates[pair.create]).toBeDefined();
      const update = app.creates[pair.update!]!;
      expect(pair.updateInputFromSearchOutput).toEqual({ record_id: 'id' });
      expect(update.operation.inputFields.find((f) => f.key === 'record_id')).toMatchObject({
        required: true,
      });
      expect(app.searches[pair.search]!.operation.outputFields?.some((f) => f.key === 'id')).toBe(true);
    },
  );
});
