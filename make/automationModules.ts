import { paths } from '../hubspot/paths';
import type { OperationDef } from '../operations/types';
import type { Json, MakeModule } from './model';
import { operationModule } from './operationModule';
import { renderRequests } from './renderRequest';

/**
 * Workflows, sequences, subscription preferences, behavioral and timeline events, transactional e-mail and the file
 * finder. Each module's communication is rendered from the operation's declared requests (`operations/request.ts`);
 * what is written here is what the declaration does not say: the module's group and the HubSpot scopes it needs
 * (no object type gives them, as it does for record modules), and, for Find File, a condition.
 */

interface Shape {
  group: string;
  /** The scopes the module's requests and its dropdowns need (all optional scopes of the HubSpot app). */
  scope: string[];
}

const SHAPES: Readonly<Record<string, Shape>> = {
  enroll_in_workflow: { group: 'Automation', scope: ['automation'] },
  enroll_in_sequence: {
    group: 'Automation',
    scope: ['automation.sequences.enrollments.write', 'automation.sequences.read', 'crm.objects.owners.read'],
  },
  update_subscription: {
    group: 'Marketing',
    scope: ['communication_preferences.write', 'communication_preferences.read'],
  },
  send_behavioral_event: {
    group: 'Marketing',
    scope: ['analytics.behavioral_events.send', 'behavioral_events.event_definitions.read_write'],
  },
  create_timeline_event: { group: 'Marketing', scope: ['timeline'] },
  send_transactional_email: { group: 'Marketing', scope: ['transactional-email'] },
};

/**
 * What the Zapier step checks in code between two requests, as a Make `valid` on the request whose answer it reads:
 * an unknown workflow (the id mapping answers 207 without it) stops the module naming the field, as on Zapier.
 */
const ANSWER_CHECKS: Readonly<Record<string, { request: number; valid: Json }>> = {
  enroll_in_workflow: {
    request: 0,
    valid: {
      condition: '{{length(ifempty(body.results, emptyarray)) > 0}}',
      type: 'DataError',
      message: 'Workflow (workflow_id): no workflow has ID {{parameters.workflow_id}}.',
    },
  },
};

/** An action rendered from its declared requests (every one of these writes something: `crud: 'create'`). */
export function declaredActionModule(def: OperationDef): MakeModule {
  const shape = SHAPES[def.key];
  if (!shape) throw new Error(`make/automationModules.ts: no group and scopes for ${def.key}`);
  // The requests read inputs, answers and temps only; the type argument stands for none.
  const rendered = renderRequests(def, 'contacts');
  const requests = (Array.isArray(rendered) ? rendered : [rendered]) as Array<Record<string, Json>>;
  const check = ANSWER_CHECKS[def.key];
  if (check) {
    const target = requests[check.request]!;
    target.response = { ...(target.response as Record<string, Json>), valid: check.valid };
  }
  return operationModule(def, shape.group, {
    moduleType: 'action',
    crud: 'create',
    scope: shape.scope,
    communication: requests.length === 1 ? requests[0]! : requests,
  });
}

export const DECLARED_ACTION_KEYS = Object.keys(SHAPES);

/**
 * The newest file whose name contains the text (`GET /files/v3/files/search`, one result), then, only when it is
 * private, its signed URL (`GET /files/v3/files/{fileId}/signed-url`), as the Zapier search does. A search that finds
 * nothing outputs no bundle. https://developers.hubspot.com/docs/api/files/files
 */
export function findFileModule(def: OperationDef): MakeModule {
  const file = (key: string) => `{{temp.file.${key}}}`;
  return operationModule(def, 'Files', {
    moduleType: 'search',
    crud: 'read',
    scope: ['files'],
    communication: [
      {
        url: paths.files.search(),
        qs: {
          name: '{{parameters.name}}',
          extension: '{{ifempty(parameters.extension, undefined)}}',
          sort: '-createdAt',
          limit: 1,
        },
        response: { temp: { found: '{{body.results}}', file: '{{body.results[1]}}' } },
      },
      {
        condition: "{{temp.file.access == 'PRIVATE'}}",
        url: `/files/v3/files/${file('id')}/signed-url`,
        qs: { expirationSeconds: '{{ifempty(parameters.expiration_seconds, 3600)}}' },
        response: { temp: { signed: '{{body}}' } },
      },
      // Always runs, so the output never depends on a skipped last request (Make does not document it).
      {
        response: {
          iterate: '{{temp.found}}',
          output: {
            id: '{{item.id}}',
            name: '{{item.name}}',
            extension: '{{item.extension}}',
            access: '{{item.access}}',
            size: '{{item.size}}',
            path: '{{item.path}}',
            url: '{{ifempty(temp.signed.url, item.url)}}',
            expires_at: '{{ifempty(temp.signed.expiresAt, null)}}',
          },
        },
      },
    ],
  });
}
