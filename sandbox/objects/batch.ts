import { HubSpotError, validationError } from '../errors';
import { BATCH } from '../facts/limits';
import type { Portal } from '../portal';
import { iso } from './read';

/**
 * What every object batch endpoint shares (https://developers.hubspot.com/docs/api/crm/understanding-the-crm, batch
 * and multi-status in https://developers.hubspot.com/docs/api-reference/error-handling):
 * - at most 100 inputs;
 * - the answer envelope `{status: 'COMPLETE', results, startedAt, completedAt}`, plus `numErrors` and `errors`
 *   (`StandardError`) for a 207;
 * - writes: when the inputs carry `objectWriteTraceId`, each failing input becomes an error naming its trace id and
 *   the others are written (207); otherwise the first failure fails the whole batch with its plain 4xx and nothing
 *   is written.
 */

export interface StandardError {
  status: 'error';
  category: string;
  message: string;
  context: Record<string, string[]>;
  errors: unknown[];
  links: Record<string, string>;
  subCategory?: string;
}

/** The `inputs` of a batch body, refused with HubSpot's 400 when missing or over the limit. */
export function batchInputs(body: Record<string, unknown>): Array<Record<string, unknown>> {
  const inputs = body.inputs;
  if (!Array.isArray(inputs)) throw validationError('Invalid input JSON: inputs must be an array.');
  if (inputs.length > BATCH.maxObjectInputs) {
    throw validationError(
      `Too many inputs: ${inputs.length}. Batch endpoints accept at most ${BATCH.maxObjectInputs} inputs per request.`,
      { context: { inputs: [String(inputs.length)] } },
    );
  }
  return inputs.map((input) => {
    if (input === null || typeof input !== 'object' || Array.isArray(input)) {
      throw validationError('Invalid input JSON: each input must be an object.');
    }
    return input as Record<string, unknown>;
  });
}

export function standardError(error: HubSpotError, context: Record<string, string[]> = {}): StandardError {
  const { category, message, errors, subCategory } = error.body;
  return {
    status: 'error',
    category: category ?? 'VALIDATION_ERROR',
    message,
    context: { ...(error.body.context ?? {}), ...context },
    errors: errors ?? [],
    links: {},
    ...(subCategory ? { subCategory } : {}),
  };
}

export const traceIdOf = (input: Record<string, unknown>) =>
  typeof input.objectWriteTraceId === 'string' ? input.objectWriteTraceId : undefined;

/**
 * Prepares every input; in multi-status mode a failing input becomes a `StandardError` with its trace id, otherwise
 * the failure is thrown before anything is written.
 */
export function prepareAll<T>(
  inputs: Array<Record<string, unknown>>,
  prepare: (input: Record<string, unknown>) => T,
): { prepared: Array<{ input: Record<string, unknown>; value: T }>; errors: StandardError[] } {
  const multiStatus = inputs.some((input) => traceIdOf(input) !== undefined);
  const prepared: Array<{ input: Record<string, unknown>; value: T }> = [];
  const errors: StandardError[] = [];
  for (const input of inputs) {
    try {
      prepared.push({ input, value: prepare(input) });
    } catch (error) {
      if (!multiStatus || !(error instanceof HubSpotError)) throw error;
      const traceId = traceIdOf(input);
      errors.push(standardError(error, traceId ? { objectWriteTraceId: [traceId] } : {}));
    }
  }
  return { prepared, errors };
}

/** The batch answer: `okStatus` when every input succeeded, 207 with the errors otherwise. */
export function batchAnswer(
  portal: Portal,
  startedAt: number,
  results: unknown[],
  errors: StandardError[],
  okStatus: 200 | 201,
): { status: number; body: Record<string, unknown> } {
  const body: Record<string, unknown> = {
    status: 'COMPLETE',
    results,
    startedAt: iso(startedAt),
    completedAt: iso(portal.now()),
  };
  if (errors.length === 0) return { status: okStatus, body };
  return { status: 207, body: { ...body, numErrors: errors.length, errors } };
}
