import exported from 'zapier-platform-schema/exported-schema.json';
import { BURST_WINDOW_MS, burstLimit, SEARCH_REQUESTS_PER_SECOND } from '../../hubspot/limits';
import App from '../../index';

/**
 * The throttle shape of the built app. Zapier counts a throttle's runs under one name made of its key, window, limit
 * and scope, and an operation's own `throttle` replaces the app's for that operation, so every operation must inherit
 * the app's one throttle for polls, searches and dropdowns to count against the same budget as creates.
 * https://github.com/zapier/zapier-platform/blob/main/packages/cli/README.md#adding-throttle-configuration
 */

type Throttle = { window: number; limit: number; key?: string; scope?: string[]; retry?: boolean };
type Operation = { key: string; operation: { throttle?: Throttle } };

const app = App as unknown as {
  throttle?: Throttle;
  triggers: Record<string, Operation>;
  searches: Record<string, Operation>;
  creates: Record<string, Operation>;
};

const operations = (['triggers', 'searches', 'creates'] as const).flatMap((kind) =>
  Object.values(app[kind]).map((op) => [`${kind}.${op.key}`, op] as const),
);

describe('Zapier throttle', () => {
  it('is one app-level throttle: at most 5 runs a second per connection', () => {
    expect(app.throttle).toEqual({
      window: 1,
      limit: SEARCH_REQUESTS_PER_SECOND,
      key: 'hubspot-portal',
      scope: ['auth'],
    });
  });

  it('keeps every run of a connection under the smallest 10-second burst HubSpot grants', () => {
    const { window, limit } = app.throttle as Throttle;
    const runsPerBurstWindow = (BURST_WINDOW_MS / 1000 / window) * limit;
    expect(runsPerBurstWindow).toBeLessThanOrEqual(
      Math.min(burstLimit('free', 'private'), burstLimit('free', 'oauth')),
    );
  });

  it('fits the ThrottleObjectSchema of zapier-platform-schema, without a scope that splits it per action', () => {
    const schema = exported.schemas.ThrottleObjectSchema;
    const throttle = app.throttle as Throttle;
    for (const key of Object.keys(throttle)) expect(Object.keys(schema.properties)).toContain(key);
    for (const key of schema.required) expect(throttle).toHaveProperty(key);
    expect(throttle.scope).not.toContain('action');
    for (const scope of throttle.scope ?? []) expect(schema.properties.scope.items.enum).toContain(scope);
    // `retry` must not reach polling triggers (pollingThrottle constraint), and the app's throttle is theirs too.
    expect(throttle).not.toHaveProperty('retry');
  });

  it.each(operations)('%s has no throttle of its own, so it counts against the app throttle', (_name, op) => {
    expect(op.operation.throttle).toBeUndefined();
  });

  it('covers polls, searches, hidden dropdowns and creates', () => {
    const hidden = Object.values(app.triggers).filter(
      (t) => (t as { display?: { hidden?: boolean } }).display?.hidden,
    );
    expect(hidden.length).toBeGreaterThan(0);
    expect(Object.keys(app.searches).length).toBeGreaterThan(0);
    expect(Object.keys(app.creates).length).toBeGreaterThan(0);
  });
});
