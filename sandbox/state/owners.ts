import type { ObjectTypeDef } from '../facts/objectTypes';
import { SANDBOX_USER } from './auth';

/**
 * The portal's owners: the users (and queues) records can be assigned to through `hubspot_owner_id`, in the
 * `PublicOwner` shape of `GET /crm/v3/owners`. https://developers.hubspot.com/docs/api/crm/owners
 */

export interface OwnerTeam {
  id: string;
  name: string;
  primary: boolean;
}

export interface StoredOwner {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  userId: number;
  userIdIncludingInactive: number;
  type: 'PERSON' | 'QUEUE';
  teams: OwnerTeam[];
  archived: boolean;
  createdAt: number;
  updatedAt: number;
}

/** A fixed instant, so the default owners answer the same on every run. */
const PORTAL_CREATED_AT = Date.UTC(2024, 0, 2, 9, 0, 0);

const SALES: OwnerTeam = { id: '510001', name: 'Sales', primary: true };
const SUPPORT: OwnerTeam = { id: '510002', name: 'Support', primary: true };

type OwnerSeed = [
  id: string,
  email: string,
  firstName: string,
  lastName: string,
  userId: number,
  teams: OwnerTeam[],
];

/**
 * Default owners. The first is the user behind the sandbox's tokens (SANDBOX_USER), as the person who installed the
 * app is an owner on HubSpot. The last one is deactivated, so `archived=true` has something to show.
 */
const DEFAULT_OWNERS: OwnerSeed[] = [
  ['70000001', SANDBOX_USER.user, 'Sandra', 'Admin', SANDBOX_USER.userId, [SALES]],
  ['70000002', 'alice.martin@example.com', 'Alice', 'Martin', 2002, [SALES]],
  ['70000003', 'bruno.costa@example.com', 'Bruno', 'Costa', 2003, [SALES, { ...SUPPORT, primary: false }]],
  ['70000004', 'chloe.nguyen@example.com', 'Chloé', 'Nguyen', 2004, [SUPPORT]],
  ['70000005', 'david.okafor@example.com', 'David', 'Okafor', 2005, [SUPPORT]],
  ['70000006', 'former.rep@example.com', 'Former', 'Rep', 2006, [SALES]],
];
const DEACTIVATED_DEFAULT = '70000006';

function defaultOwners(): Map<string, StoredOwner> {
  return new Map(
    DEFAULT_OWNERS.map(([id, email, firstName, lastName, userId, teams]) => [
      id,
      {
        id,
        email,
        firstName,
        lastName,
        userId,
        userIdIncludingInactive: userId,
        type: 'PERSON',
        teams,
        archived: id === DEACTIVATED_DEFAULT,
        createdAt: PORTAL_CREATED_AT,
        updatedAt: PORTAL_CREATED_AT,
      },
    ]),
  );
}

/** Owner-valued properties the store governs (`referencedObjectType: OWNER` in sandbox/defaults/common.ts). */
const OWNER_PROPERTIES = new Set(['hubspot_owner_id']);

export class OwnerStore {
  private readonly owners = defaultOwners();

  /** Owners in id order, active or archived. */
  list(options: { archived?: boolean } = {}): StoredOwner[] {
    const archived = options.archived ?? false;
    return [...this.owners.values()]
      .filter((o) => o.archived === archived)
      .sort((a, b) => a.id.length - b.id.length || a.id.localeCompare(b.id));
  }

  /** An active owner by owner id (what `hubspot_owner_id` holds). */
  ownerById(id: string): StoredOwner | undefined {
    const owner = this.owners.get(id);
    return owner && !owner.archived ? owner : undefined;
  }

  /** An active owner by email, case-insensitively. */
  ownerByEmail(email: string): StoredOwner | undefined {
    const key = email.toLowerCase();
    return this.list().find((o) => o.email.toLowerCase() === key);
  }

  /** Any owner (archived too) by owner id or user id, for `GET /crm/v3/owners/{id}?idProperty=`. */
  find(id: string, idProperty: 'id' | 'userId', archived: boolean): StoredOwner | undefined {
    return this.list({ archived }).find((o) => (idProperty === 'id' ? o.id : String(o.userId)) === id);
  }

  /** Adds or replaces an owner (seeding, tests). */
  add(owner: StoredOwner): void {
    this.owners.set(owner.id, owner);
  }

  /** The hook sandbox/objects/runtimeOptions.ts calls: `hubspot_owner_id` takes active owner ids. */
  propertyOptions(_type: ObjectTypeDef, propertyName: string): readonly string[] | undefined {
    return OWNER_PROPERTIES.has(propertyName) ? this.list().map((o) => o.id) : undefined;
  }

  toJSON() {
    return [...this.owners.values()];
  }

  load(state: unknown): void {
    if (!Array.isArray(state)) return;
    for (const owner of state as StoredOwner[]) this.owners.set(owner.id, owner);
  }
}
