import { isDeepStrictEqual } from 'node:util';
import {
  type AppDefinition,
  type Field,
  isPollingTrigger,
  operationsOf,
  staticFields,
  stringsOf,
} from './definition';
import type { Finding } from './rules';

/**
 * Authentication, URL, hook and throttle rules: credentials only in the authentication, a connection label that
 * names the account, HTTPS and no dangerous URIs anywhere in the definition, hooks that subscribe, and one throttle
 * per HubSpot portal.
 * https://platform.zapier.com/publish/integration-publishing-requirements#5-quality-and-functionality
 */

export interface PlatformOptions {
  appName: string;
  /** The template that names the HubSpot portal in a throttle key (`{{bundle.authData.hub_id}}`). */
  portalKey: string;
}

/** Field keys or labels that ask for a credential. */
const CREDENTIAL =
  /api[\s_-]?key|access[\s_-]?token|refresh[\s_-]?token|client[\s_-]?secret|password|secret/i;
/** Definition keys whose literal value would be a hard-coded credential. */
const CREDENTIAL_KEY = /^(client_?id|client_?secret|api_?key|access_?token|refresh_?token|password)$/i;
/** A HubSpot private-app token (`pat-na1-…`). https://developers.hubspot.com/docs/api/private-apps */
const HUBSPOT_TOKEN = /\bpat-(na|eu|ap)\d-[0-9a-f]{8}-/;
const DANGEROUS_URI = /^\s*(javascript|vbscript|data):/i;

export function platformRules(app: AppDefinition, options: PlatformOptions): Finding[] {
  const findings: Finding[] = [];
  const add = (rule: string, where: string, message: string) => findings.push({ rule, where, message });
  authRules(app, options, add);
  for (const { where, op } of operationsOf(app)) {
    for (const field of staticFields(op))
      if (field.type === 'password' || CREDENTIAL.test(`${field.key} ${field.label ?? ''}`))
        add(
          'D001',
          `${where}.inputFields.${field.key}`,
          'asks for a credential; ask for it in the authentication.',
        );
  }
  urlRules(app, add);
  hookRules(app, add);
  throttleRules(app, options, add);
  return findings;
}

type Add = (rule: string, where: string, message: string) => void;

function authRules(app: AppDefinition, { appName }: PlatformOptions, add: Add) {
  const auth = app.authentication;
  if (!auth) return;
  if (auth.test === undefined) add('SCHEMA-auth-test', 'authentication.test', 'is missing.');
  const label = auth.connectionLabel;
  if (label === undefined || label === '') add('D003', 'authentication.connectionLabel', 'is not set.');
  else if (typeof label === 'string') checkConnectionLabel(label, appName, add);
  const fields = (auth.fields ?? []) as Field[];
  for (const field of fields.filter((f) => !f.computed)) {
    const at = `authentication.fields.${field.key}`;
    if (!/\[[^\]]+\]\(https:\/\/[^)]+\)/.test(field.helpText ?? ''))
      add('D002', at, 'needs help text linking to where the user finds this value.');
    if (field.inputFormat || /domain|url/i.test(`${field.key} ${field.label ?? ''}`))
      add('D026', at, 'takes a domain or URL from the user; validate it by hand before any request.');
  }
}

/** PR-5.6: names the account from the test's answer; no secret, no hard-coded app name or "success". */
function checkConnectionLabel(label: string, appName: string, add: Add) {
  const at = 'authentication.connectionLabel';
  const variables = [...label.matchAll(/{{\s*([^}]+?)\s*}}/g)].map((m) => m[1] ?? '');
  if (variables.length === 0) add('PR-5.6', at, `"${label}" names no account value ({{…}}).`);
  for (const name of variables.filter((v) => /token|secret|password|key/i.test(v)))
    add('PR-5.6', at, `shows "${name}", which is a secret.`);
  const literal = label.replace(/{{[^}]*}}/g, ' ');
  for (const word of [appName, 'Zapier', 'success', 'connected'])
    if (new RegExp(`\\b${word}\\b`, 'i').test(literal)) add('PR-5.6', at, `hard-codes "${word}".`);
}

/** D007, D025 and PR-4.3 over every string written in the definition. */
function urlRules(app: AppDefinition, add: Add) {
  for (const { path, key, value } of stringsOf(app, '')) {
    if (/http:\/\//i.test(value)) add('D007', path, `"${value}" uses http://; use https://.`);
    const targets = [value, ...[...value.matchAll(/\]\(([^)]+)\)/g)].map((m) => m[1] ?? '')];
    if (targets.some((t) => DANGEROUS_URI.test(t)))
      add('D025', path, 'holds a javascript:, data: or vbscript: URI.');
    const isTemplate = /^{{\s*(process\.env|bundle)\./.test(value);
    if ((CREDENTIAL_KEY.test(key) && !isTemplate && value !== '') || HUBSPOT_TOKEN.test(value))
      add('PR-4.3', path, 'holds a credential; read it from the environment (zapier-platform env:set).');
  }
}

function hookRules(app: AppDefinition, add: Add) {
  for (const [key, trigger] of Object.entries(app.triggers ?? {})) {
    if (trigger.operation?.type !== 'hook') continue;
    if (!trigger.operation.performList)
      add('D006', `triggers.${key}`, 'has no performList to fetch a sample.');
    if (!trigger.operation.performSubscribe || !trigger.operation.performUnsubscribe)
      add('D017', `triggers.${key}`, 'is a static webhook; subscribe and unsubscribe.');
  }
}

/**
 * An operation's own throttle replaces the app's for that operation, and limits are shared only between identical
 * configurations (zapier-platform-schema, App.throttle and ThrottleObjectSchema): an operation with a throttle of
 * its own stops counting against the portal budget.
 */
function throttleRules(app: AppDefinition, _options: PlatformOptions, add: Add) {
  const appThrottle = app.throttle;
  // Zapier documents curly references in a throttle's key for input data only, so the portal id cannot name the
  // count; scope `auth` counts per connection, and one HubSpot connection is one portal (README, "Rate limits").
  if (!appThrottle)
    add('HB-throttle', 'throttle', 'is missing; all Zaps on one portal share its rate limits.');
  else if (!((appThrottle.scope ?? []) as string[]).includes('auth'))
    add(
      'HB-throttle',
      'throttle.scope',
      "does not count per connection ('auth'), that is per HubSpot portal.",
    );
  for (const { kind, op, where } of operationsOf(app)) {
    const own = op.operation?.throttle;
    if (!own) continue;
    if (!isDeepStrictEqual(own, appThrottle))
      add(
        'HB-throttle',
        `${where}.operation.throttle`,
        'replaces the app throttle, so it leaves the portal budget.',
      );
    if (isPollingTrigger(kind, op) && 'retry' in own)
      add(
        'SCHEMA-polling-throttle',
        `${where}.operation.throttle`,
        'sets retry, which polling triggers ignore.',
      );
  }
}
