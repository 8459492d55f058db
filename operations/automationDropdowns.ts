import { developerAppCredentials } from '../hubspot/config';
import { paths } from '../hubspot/paths';
import { dropdown } from './hiddenDropdown';
import type { OperationContext, OperationDef, OperationResult } from './types';

/**
 * Hidden operations behind the dropdowns of the automation and marketing steps: workflows, a user's sequences,
 * subscription types, behavioral event definitions, timeline event templates. Each returns `{id, label}` items.
 */

/** Stops a runaway loop on a misbehaving answer; 5,000 workflows or sequences is beyond any real portal. */
const MAX_PAGES = 50;

interface Page<T> {
  results: T[];
  paging?: { next?: { after: string } };
}

async function allPages<T>(
  ctx: OperationContext,
  path: string,
  query: Record<string, string> = {},
): Promise<T[]> {
  const items: T[] = [];
  let after: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const { data } = await ctx.api.request<Page<T>>({
      method: 'GET',
      path,
      query: { ...query, limit: 100, after },
    });
    items.push(...data.results);
    after = data.paging?.next?.after;
    if (!after) break;
  }
  return items;
}

/** Active users, by user id (owners of type PERSON carry it): sequences are sent as a user, not an owner. */
export const userDropdown = (key: string): OperationDef =>
  dropdown(
    key,
    'User',
    async (ctx) => {
      const owners = await allPages<{
        userId?: number;
        email?: string;
        firstName?: string;
        lastName?: string;
      }>(ctx, paths.owners.list());
      return owners
        .filter((o) => o.userId !== undefined)
        .map((o) => ({
          id: String(o.userId),
          label: [[o.firstName, o.lastName].filter(Boolean).join(' '), o.email].filter(Boolean).join(' — '),
        }));
    },
    `GET ${paths.owners.list()}`,
    { sample: { id: '2002', label: 'Alice Martin — alice.martin@example.com' }, perRun: '1 per 100 users' },
  );

/**
 * Contact-based workflows (v4 flows, `objectTypeId` 0-1: the enrollment endpoint takes contacts only), enabled ones
 * first; a disabled one says so, as HubSpot does not run it.
 */
export const workflowDropdown = (key: string): OperationDef =>
  dropdown(
    key,
    'Workflow',
    async (ctx) => {
      const flows = await allPages<{ id: string; name: string; objectTypeId: string; isEnabled: boolean }>(
        ctx,
        paths.automation.flows(),
      );
      return flows
        .filter((f) => f.objectTypeId === '0-1')
        .sort((a, b) => Number(b.isEnabled) - Number(a.isEnabled))
        .map((f) => ({ id: f.id, label: f.isEnabled ? f.name : `${f.name} (off)` }));
    },
    `GET ${paths.automation.flows()}`,
    { sample: { id: '585051946', label: 'Welcome series' }, perRun: '1 per 100 workflows' },
  );

/** The sequences of the user chosen in `userField` (HubSpot lists sequences per user); none until one is chosen. */
export const sequenceDropdown = (key: string, userField: string): OperationDef =>
  dropdown(
    key,
    'Sequence',
    async (ctx) => {
      const userId = String(ctx.input[userField] ?? '').trim();
      if (!/^\d+$/.test(userId)) return [];
      const sequences = await allPages<{ id: string; name: string }>(ctx, paths.automation.sequences(), {
        userId,
      });
      return sequences.map((s) => ({ id: s.id, label: s.name }));
    },
    `GET ${paths.automation.sequences()}`,
    { sample: { id: '300001', label: 'First touch' }, perRun: '1 per 100 sequences' },
  );

/** Active subscription types only: HubSpot refuses a status change on an inactive one. */
export const subscriptionTypeDropdown = (key: string): OperationDef =>
  dropdown(
    key,
    'Subscription Type',
    async (ctx) => {
      const { data } = await ctx.api.request<{
        results: Array<{ id: string; name: string; isActive: boolean }>;
      }>({
        method: 'GET',
        path: paths.communicationPreferences.definitions(),
      });
      return data.results.filter((d) => d.isActive).map((d) => ({ id: String(d.id), label: d.name }));
    },
    `GET ${paths.communicationPreferences.definitions()}`,
    { sample: { id: '7001', label: 'Newsletter' } },
  );

/** Event definitions by `fullyQualifiedName` (`pe{portalId}_{name}`), what sending an occurrence names. */
export const eventDefinitionDropdown = (key: string): OperationDef =>
  dropdown(
    key,
    'Event',
    async (ctx) => {
      const definitions = await allPages<{
        fullyQualifiedName: string;
        labels?: { singular?: string };
        name: string;
      }>(ctx, paths.events.definitions());
      return definitions.map((d) => ({ id: d.fullyQualifiedName, label: d.labels?.singular ?? d.name }));
    },
    `GET ${paths.events.definitions()}`,
    { sample: { id: 'pe62515_app_login', label: 'App login' }, perRun: '1 per 100 events' },
  );

/**
 * The publishing app's templates, read with its developer API key (`?hapikey=`, not the user's token, which HubSpot
 * refuses here). Without `HUBSPOT_APP_ID` and `HUBSPOT_DEVELOPER_API_KEY` the list is empty and the id is typed.
 * https://developers.hubspot.com/docs/api-reference/legacy/crm/extensions/timeline/v3-event-types-external/create-timeline
 */
export const timelineTemplateDropdown = (key: string): OperationDef =>
  dropdown(
    key,
    'Event Template',
    async (ctx) => {
      const app = developerAppCredentials();
      if (!app) {
        ctx.log('No HUBSPOT_APP_ID / HUBSPOT_DEVELOPER_API_KEY: type the event template id.');
        return [];
      }
      const { data } = await ctx.api.request<{ results: Array<{ id: string; name: string }> }>({
        method: 'GET',
        path: paths.timeline.templates(app.appId),
        query: { hapikey: app.developerApiKey },
        auth: false,
      });
      return data.results.map((t): OperationResult => ({ id: t.id, label: t.name }));
    },
    `GET ${paths.timeline.templates('{appId}')}`,
    { sample: { id: '1001298', label: 'Webinar attended' } },
  );

/**
 * Published transactional e-mails: marketing emails v3 (readable with the `transactional-email` scope) that are
 * transactional and published, the only ones the single-send API sends.
 * https://developers.hubspot.com/docs/api/marketing/marketing-email
 */
export const transactionalEmailDropdown = (key: string): OperationDef =>
  dropdown(
    key,
    'Transactional Email',
    async (ctx) => {
      const emails = await allPages<{
        id: string;
        name: string;
        isTransactional?: boolean;
        isPublished?: boolean;
      }>(ctx, paths.transactionalEmail.emails());
      return emails
        .filter((e) => e.isTransactional && e.isPublished)
        .map((e) => ({ id: String(e.id), label: e.name }));
    },
    `GET ${paths.transactionalEmail.emails()}`,
    { sample: { id: '41000001', label: 'Order confirmation' }, perRun: '1 per 100 e-mails' },
  );
