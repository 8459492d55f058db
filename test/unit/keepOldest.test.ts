import { createdBefore } from '../../operations/objects/keepOldest';

describe('createdBefore (which record a find-or-create keeps)', () => {
  const at = (id: string, createdAt: string) => ({ id, createdAt, updatedAt: createdAt, properties: {} });

  it('orders by creation time first', () => {
    expect(createdBefore(at('9', '2026-01-05T09:00:00.000Z'), at('1', '2026-01-05T09:00:00.001Z'))).toBe(
      true,
    );
    expect(createdBefore(at('1', '2026-01-05T09:00:00.001Z'), at('9', '2026-01-05T09:00:00.000Z'))).toBe(
      false,
    );
  });

  it('breaks a tie on the same millisecond by the lower id, compared as a number', () => {
    const same = '2026-01-05T09:00:00.000Z';
    expect(createdBefore(at('999', same), at('1000', same))).toBe(true);
    expect(createdBefore(at('1000', same), at('999', same))).toBe(false);
    expect(createdBefore(at('5', same), at('5', same))).toBe(false);
  });
});
