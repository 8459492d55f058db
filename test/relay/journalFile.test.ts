import { fromJournalFile } from '../../relay/hubspotEvents';

/**
 * The journal file as the sandbox serves it (`sandbox/journal/files.ts`, field names of HubSpot's sample CLI
 * sejal27/sej-webhooks-journal): `{offset, portalId, publishedAt, journalEvents: [...]}`, property values under
 * `propertyChanges`, the other side of an association under `associatedObjectTypeId`/`associatedObjectId`.
 */
const file = (journalEvents: Array<Record<string, unknown>>) => ({
  offset: '019a0000-0000-7000-8000-000000000001',
  portalId: 62515,
  publishedAt: '2026-01-05T09:00:01.000Z',
  journalEvents,
});
const base = {
  subscriptionId: 3,
  appId: 11,
  portalId: 62515,
  objectTypeId: '0-1',
  occurredAt: '2026-01-05T09:00:00.000Z',
  changeSource: 'API',
};

describe('journal files in the shape HubSpot’s sample reader uses', () => {
  it('reads events under journalEvents, with ISO times', () => {
    const events = fromJournalFile(
      file([
        {
          ...base,
          eventId: 101,
          type: 'OBJECT',
          action: 'CREATE',
          objectId: 7,
          propertyChanges: { email: 'a@b.c' },
        },
      ]),
    );
    expect(events).toEqual([
      expect.objectContaining({
        eventId: '101',
        event: 'creation',
        objectId: '7',
        portalId: 62515,
        occurredAt: Date.parse('2026-01-05T09:00:00.000Z'),
      }),
    ]);
  });

  it('splits an UPDATE’s propertyChanges into one property change each', () => {
    const events = fromJournalFile(
      file([
        {
          ...base,
          eventId: 102,
          type: 'OBJECT',
          action: 'UPDATE',
          objectId: 7,
          propertyChanges: { jobtitle: 'CEO', lifecyclestage: 'customer' },
        },
      ]),
    );
    expect(events.map((e) => [e.eventId, e.event, e.propertyName, e.propertyValue])).toEqual([
      ['102:jobtitle', 'propertyChange', 'jobtitle', 'CEO'],
      ['102:lifecyclestage', 'propertyChange', 'lifecyclestage', 'customer'],
    ]);
  });

  it('reads the other side of an association from associatedObjectTypeId and associatedObjectId', () => {
    const [added, removed] = fromJournalFile(
      file([
        {
          ...base,
          eventId: 103,
          type: 'ASSOCIATION',
          action: 'ASSOCIATION_ADDED',
          objectId: 7,
          associatedObjectTypeId: '0-2',
          associatedObjectId: 9,
          associationTypeId: 279,
          associationType: 'CONTACT_TO_COMPANY',
          isPrimaryAssociation: false,
        },
        {
          ...base,
          eventId: 104,
          type: 'ASSOCIATION',
          action: 'ASSOCIATION_REMOVED',
          objectId: 7,
          associatedObjectTypeId: '0-2',
          associatedObjectId: 9,
          associationTypeId: 279,
        },
      ]),
    );
    expect(added?.association).toEqual({
      toObjectTypeId: '0-2',
      toObjectId: '9',
      associationTypeId: 279,
      removed: false,
    });
    expect(removed?.association).toMatchObject({ toObjectId: '9', removed: true });
  });

  it('reads a MERGE’s kept record and merged ids', () => {
    const [merge] = fromJournalFile(
      file([
        {
          ...base,
          eventId: 105,
          type: 'OBJECT',
          action: 'MERGE',
          objectId: 7,
          primaryObjectId: 7,
          mergedObjectIds: [8],
          newObjectId: 7,
        },
      ]),
    );
    expect(merge).toMatchObject({ event: 'merge', primaryObjectId: '7', mergedObjectIds: ['8'] });
  });
});
