import { startTestSandbox, type TestSandbox } from './sandbox';
import { run, useBaseUrl } from './zapier';

/**
 * One sandbox per integration test file for the CRM object operations: the real Zapier app against it, polls with
 * no index-lag margin, and per-test resets of the request log, rate limits and faults.
 */
export function useZapierSandbox(): { t: TestSandbox; authData: Record<string, string> } {
  const context = {} as { t: TestSandbox; authData: Record<string, string> };
  beforeAll(async () => {
    process.env.HUBSPOT_POLL_LAG_MARGIN_MS = '0';
    context.t = await startTestSandbox();
    useBaseUrl(context.t.url);
    context.authData = {
      access_token: context.t.token,
      hub_id: String(context.t.sandbox.portal.info.portalId),
    };
  });
  afterAll(async () => {
    delete process.env.HUBSPOT_POLL_LAG_MARGIN_MS;
    await context.t.close();
  });
  beforeEach(() => {
    context.t.sandbox.log.clear();
    context.t.sandbox.portal.limits.reset();
    context.t.sandbox.faults.reset();
  });
  return context;
}

export type Output = Record<string, unknown> & { id: string; properties: Record<string, string> };

/** Runs a create, search or trigger with the file's auth; `zap` gives a trigger its own watermark. */
export function runner(context: { authData: Record<string, string> }) {
  return {
    create: (key: string, inputData: Record<string, unknown>, meta: Record<string, unknown> = {}) =>
      run('creates', key, { authData: context.authData, inputData, meta }) as Promise<Output>,
    search: (key: string, inputData: Record<string, unknown>) =>
      run('searches', key, { authData: context.authData, inputData }) as Promise<Output[]>,
    poll: (key: string, zap: string, inputData: Record<string, unknown> = {}) =>
      run('triggers', key, { authData: context.authData, inputData, meta: { zap: { id: zap } } }) as Promise<
        Array<Record<string, unknown>>
      >,
  };
}

/** Live (unarchived) records of a type in the sandbox. */
export const liveCount = (t: TestSandbox, objectTypeId: string) =>
  [...t.sandbox.portal.records.table(objectTypeId).values()].filter((r) => !r.archived).length;

/** Lets the millisecond clock move on, so a poll's closed window ends after the writes before it. */
export const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

/** Adds a pipeline with the given stages through the pipelines API; answers it with its stage ids. */
export async function addPipeline(
  t: TestSandbox,
  objectType: string,
  label: string,
  stages: Array<{ label: string; metadata: Record<string, string> }>,
): Promise<{ id: string; stages: Array<{ id: string; label: string }> }> {
  const response = await t.call('POST', `/crm/v3/pipelines/${objectType}`, {
    label,
    displayOrder: 1,
    stages: stages.map((s, displayOrder) => ({ ...s, displayOrder })),
  });
  if (response.status !== 201) throw new Error(`pipeline not created: ${response.status}`);
  return (await response.json()) as { id: string; stages: Array<{ id: string; label: string }> };
}

/** Expects a step to fail with a message matching `message` and the record count to stay where it was. */
export async function expectRefused(
  step: Promise<unknown>,
  message: RegExp,
  count: () => number,
): Promise<void> {
  const before = count();
  await expect(step).rejects.toThrow(message);
  expect(count()).toBe(before);
}
