import { API_PATH_REASONS, type ApiPathProblem } from '../hubspot/apiPath';
import type { OperationDef } from '../operations/types';
import type { Json, MakeModule } from './model';
import { camelCase } from './naming';
import { HUBSPOT_API } from './objectRef';
import { fieldMessage, guardStep } from './pathGuards';

/**
 * The universal "Make an API Call" (one per app, the user's path always on HubSpot's host, as Make requires for
 * approval). The batch modules are in `batchModules.ts`.
 */

const PATH_PARAM = { name: 'path', label: 'URL' };
const PATH = 'trim(parameters.path)';
/** Each encoded control character is `%00`–`%1F` or `%7F`: any other `%` in encodeURL's output is followed by 2–F. */
const ENCODED_PATH = `encodeURL(${PATH})`;
/** The path's segments with encoded dots and slashes decoded, as a server would read them. */
const SEGMENTS = `split(replace(replace(replace(lower(${PATH}), '/%2e/g', '.'), '/%2f/g', '/'), '/%5c/g', '/'), '/')`;

/**
 * `hubspot/apiPath.ts`'s rules in IML, in its order (the reasons are its own): the user's token goes only to paths on
 * the HubSpot API. Typed as a record of its problems, so a new rule there cannot be forgotten here.
 */
const PATH_RULES: Record<ApiPathProblem, string> = {
  controlCharacters: `!contains(${ENCODED_PATH}, '%0') && !contains(${ENCODED_PATH}, '%1') && !contains(${ENCODED_PATH}, '%7F')`,
  notAPath: `!contains(first(split(${PATH}, '/')), ':') && substring(${PATH}, 0, 2) != '//'`,
  characters: `!contains(${PATH}, '\\\\') && !contains(${PATH}, '@')`,
  dotSegments: `!contains(${SEGMENTS}, '.') && !contains(${SEGMENTS}, '..')`,
};

export const PATH_GUARDS: Json[] = (Object.keys(PATH_RULES) as ApiPathProblem[]).map((problem) =>
  guardStep(PATH_RULES[problem], fieldMessage(PATH_PARAM, API_PATH_REASONS[problem])),
);

/**
 * The URL: HubSpot's host, then the path without its leading `/` (added by the user or not), so whatever the path
 * holds the host stays HubSpot's: Make's own pattern for a REST universal module
 * (https://developers.make.com/custom-apps-documentation/app-components/modules/universal-module/rest).
 */
const UNIVERSAL_URL = `${HUBSPOT_API}/{{if(substring(${PATH}, 0, 1) == '/', substring(${PATH}, 1, length(${PATH})), ${PATH})}}`;

const keyValues = (name: string, label: string): Json => ({
  name,
  type: 'array',
  label,
  spec: ['key', 'value'].map((key) => ({ name: key, type: 'text', label: key === 'key' ? 'Key' : 'Value' })),
});

export function universalModule(def: OperationDef): MakeModule {
  return {
    name: camelCase(def.key),
    operationKey: def.key,
    makeOnlyParams: ['headers'],
    label: 'Make an API Call',
    description: 'Performs an arbitrary authorized call to the HubSpot API.',
    moduleType: 'universal',
    group: 'Other',
    staticParams: [],
    scope: [],
    mappableParams: [
      {
        name: 'method',
        type: 'select',
        label: 'Method',
        required: true,
        default: 'GET',
        options: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].map((m) => ({ label: m, value: m })),
      },
      {
        name: PATH_PARAM.name,
        type: 'text',
        label: PATH_PARAM.label,
        required: true,
        help:
          `A path relative to ${HUBSPOT_API}, starting with \`/\`, e.g. \`/crm/v3/objects/contacts\`. ` +
          "The connection must hold the scopes the endpoint needs: for an OAuth connection, add them to the connection's Additional scopes.",
      },
      keyValues('headers', 'Headers'),
      keyValues('query', 'Query String'),
      { name: 'body', type: 'any', label: 'Body', help: 'JSON text, sent as `application/json`.' },
    ],
    communication: [
      ...PATH_GUARDS,
      {
        url: UNIVERSAL_URL,
        method: '{{parameters.method}}',
        headers: {
          'Content-Type': 'application/json',
          '{{...}}': "{{toCollection(parameters.headers, 'key', 'value')}}",
        },
        qs: { '{{...}}': "{{toCollection(parameters.query, 'key', 'value')}}" },
        body: '{{ifempty(parameters.body, undefined)}}',
        type: 'text',
        response: { output: { body: '{{body}}', headers: '{{headers}}', statusCode: '{{statusCode}}' } },
      },
    ],
    interface: [
      { name: 'body', type: 'any', label: 'Body' },
      { name: 'headers', type: 'collection', label: 'Headers' },
      { name: 'statusCode', type: 'number', label: 'Status code' },
    ],
    samples: { body: { results: [] }, headers: {}, statusCode: 200 },
  };
}
