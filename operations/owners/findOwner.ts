import { paths } from '../../hubspot/paths';
import { requiredText } from '../records';
import type { OperationDef, OperationResult } from '../types';

/**
 * Finds an owner by e-mail (`GET /crm/v3/owners?email=`) or by owner id (`GET /crm/v3/owners/{ownerId}`); the id is
 * what `hubspot_owner_id` holds. https://developers.hubspot.com/docs/api/crm/owners
 */
interface Owner {
  id: string;
  email?: string;
  firstName?: string;
  lastName?: string;
  userId?: number;
  archived?: boolean;
}

export const findOwner: OperationDef = {
  key: 'find_owner',
  kind: 'search',
  noun: 'Owner',
  label: 'Find Owner',
  description: 'Finds an owner (user) by e-mail or owner ID.',
  inputFields: [
    {
      key: 'email_or_id',
      label: 'E-mail or owner ID',
      required: true,
      helpText: "The e-mail address the user signs in with, or the owner's ID (a number, not the user ID).",
      dropdown: { kind: 'owners' },
    },
  ],
  outputFields: [
    { key: 'id', label: 'Owner ID', type: 'string' },
    { key: 'email', label: 'E-mail' },
    { key: 'firstName', label: 'First name' },
    { key: 'lastName', label: 'Last name' },
    { key: 'userId', label: 'User ID', type: 'integer' },
  ],
  sample: {
    id: '70000002',
    email: 'alice.martin@example.com',
    firstName: 'Alice',
    lastName: 'Martin',
    userId: 2002,
  },
  code: {
    reason:
      'By owner id the owner is read directly and a 404 means no result; by e-mail the owners list is filtered. Which request runs depends on the value, and a 404 is not an error.',
  },
  calls: { endpoints: [`GET ${paths.owners.list()}`, `GET ${paths.owners.one('{ownerId}')}`], perRun: '1' },
  async perform(ctx) {
    const value = requiredText(ctx, 'email_or_id', 'E-mail or owner ID');
    if (/^\d+$/.test(value)) {
      const { status, data } = await ctx.api.request<Owner>({
        method: 'GET',
        path: paths.owners.one(value),
        acceptStatuses: [404],
      });
      return status === 404 ? [] : [ownerOutput(data)];
    }
    const { data } = await ctx.api.request<{ results: Owner[] }>({
      method: 'GET',
      path: paths.owners.list(),
      query: { email: value },
    });
    return data.results.map(ownerOutput);
  },
};

const ownerOutput = (o: Owner): OperationResult => ({ ...o });
