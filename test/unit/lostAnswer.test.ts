import { objectType } from '../../operations/objects/common';
import { createCheck, createdDuringAttempt } from '../../operations/objects/lostAnswer';
import { isNew } from '../../operations/objects/upsertRecord';

/** HubSpot's clock at the follow-up answer, and a local clock 10 minutes ahead of it. */
const HUBSPOT_NOW = Date.UTC(2026, 0, 5, 9, 0, 0);
const LOCAL_SKEW_MS = 10 * 60_000;
const answer = { headers: { date: new Date(HUBSPOT_NOW).toUTCString() } };
/** The step sent its write 3 s (local time) before the follow-up answer. */
const attempt = { startedAt: HUBSPOT_NOW + LOCAL_SKEW_MS - 3_000, now: HUBSPOT_NOW + LOCAL_SKEW_MS, answer };
const createdAgo = (ms: number) => ({ createdAt: new Date(HUBSPOT_NOW - ms).toISOString() });

describe('createdDuringAttempt (on HubSpot clock only)', () => {
  it('counts a record created while the write was out, whatever the local clock says', () => {
    expect(createdDuringAttempt(createdAgo(2_500), attempt)).toBe(true);
    expect(createdDuringAttempt(createdAgo(0), attempt)).toBe(true);
  });

  it('does not count a record that existed before the write was sent', () => {
    expect(createdDuringAttempt(createdAgo(60_000), attempt)).toBe(false);
    expect(createdDuringAttempt({ createdAt: 'not a date' }, attempt)).toBe(false);
  });
});

describe('isNew for an upsert', () => {
  const replayed = { headers: answer.headers, uncertainAttempts: 1 };
  const record = (ms: number, isNewFlag: boolean) => ({
    id: '1',
    properties: {},
    updatedAt: new Date(HUBSPOT_NOW).toISOString(),
    new: isNewFlag,
    ...createdAgo(ms),
  });

  it("trusts HubSpot's `new` when no attempt was lost", () => {
    expect(isNew(record(1_000, false), { ...replayed, uncertainAttempts: 0 }, attempt)).toBe(false);
    expect(isNew(record(1_000, true), { ...replayed, uncertainAttempts: 0 }, attempt)).toBe(true);
  });

  it('reports a record the lost attempt created as new, though the replay answers new: false', () => {
    expect(isNew(record(1_000, false), replayed, attempt)).toBe(true);
  });

  it('reports an older record, updated by the replay, as not new', () => {
    expect(isNew(record(3_600_000, false), replayed, attempt)).toBe(false);
  });
});

describe('createCheck (what a lost create tells the user to look for)', () => {
  const defs = [
    { name: 'email', label: 'Email', type: 'string' },
    { name: 'firstname', label: 'First Name', type: 'string' },
    { name: 'dealname', label: 'Deal Name', type: 'string' },
    { name: 'erp_id', label: 'ERP ID', type: 'string', hasUniqueValue: true },
    { name: 'description', label: 'Description', type: 'string' },
  ];

  it('names the unique value first, then the display property, then the first value given', () => {
    expect(createCheck(objectType('contacts'), defs, { firstname: 'Ann', email: 'ann@x.test' })).toEqual({
      outcome: 'created the contact',
      check: 'search contacts for Email (email) "ann@x.test"',
    });
    expect(
      createCheck(objectType('deals'), defs, { description: 'x', erp_id: 'D-1', dealname: 'Q3' }).check,
    ).toBe('search deals for ERP ID (erp_id) "D-1"');
    expect(createCheck(objectType('deals'), defs, { description: 'x', dealname: 'Q3' }).check).toBe(
      'search deals for Deal Name (dealname) "Q3"',
    );
    expect(createCheck(objectType('deals'), defs, { description: 'y'.repeat(300) }).check).toBe(
      `search deals for Description (description) "${'y'.repeat(100)}…"`,
    );
    expect(createCheck(objectType('tickets'), defs, {}).check).toBe('look at the newest tickets in HubSpot');
  });
});
