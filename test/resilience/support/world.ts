import { findStandardObjectType } from '../../../hubspot/objectTypes';
import type { SandboxRecord } from '../../../sandbox/model';
import { createRecord } from '../../../sandbox/objects/write';
import type { TestSandbox } from '../../support/sandbox';

/** What HubSpot (the sandbox) holds, read directly from its store: the ground truth of "lost" and "duplicated". */

export const TYPE_ID = {
  contacts: '0-1',
  companies: '0-2',
  deals: '0-3',
  tickets: '0-5',
  products: '0-7',
  notes: '0-46',
} as const;

export function liveRecords(
  t: TestSandbox,
  type: keyof typeof TYPE_ID,
  where: (r: SandboxRecord) => boolean = () => true,
): SandboxRecord[] {
  return [...t.sandbox.portal.records.table(TYPE_ID[type]).values()].filter((r) => !r.archived && where(r));
}

export const withProperty = (t: TestSandbox, type: keyof typeof TYPE_ID, name: string, value: string) =>
  liveRecords(t, type, (r) => r.properties[name] === value);

/** A record written straight into the store (not through the API, so no request is logged). */
export function putRecord(
  t: TestSandbox,
  type: keyof typeof TYPE_ID,
  properties: Record<string, string>,
): SandboxRecord {
  return createRecord(t.sandbox.portal, findStandardObjectType(type)!, { properties });
}

export const filesNamed = (t: TestSandbox, name: string) =>
  t.sandbox.portal.files.toJSON().files.filter((f) => !f.archived && f.name === name);

/** Requests the sandbox logged on a path (exact), e.g. to see a fault fire or a request escape. */
export const logged = (t: TestSandbox, path: string) => t.sandbox.log.all().filter((e) => e.path === path);
