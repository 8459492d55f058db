import type { RequestOptions } from '../hubspot/client';
import type { ErrorContext } from '../hubspot/errorMessages';
import { findStandardObjectType } from '../hubspot/objectTypes';
import type { RequestSpec } from './request';
import { runRequests, runState } from './runRequests';
import type { OperationContext, OperationDef, OperationResult } from './types';

/**
 * Runs an operation's declared requests when it works on no record type of its own (workflows, sequences, e-mails,
 * events, files): its leaves read inputs, answers and temps only, so the contact type stands in for the run's type.
 * `errorContext` (the tier an endpoint needs, what a 404 is about) and `extra` are what only code knows.
 */
/** The type such a run stands on, and that names nothing in its endpoints. */
export const CONTACTS = findStandardObjectType('contacts')!;

export function runDeclared(
  ctx: OperationContext,
  def: Pick<OperationDef, 'inputFields' | 'propertyFields'>,
  requests: readonly RequestSpec[],
  errorContext: ErrorContext = {},
  extra: (spec: RequestSpec, index: number) => Partial<RequestOptions> = () => ({}),
): Promise<OperationResult | OperationResult[]> {
  const run = runState(CONTACTS, def);
  return runRequests(ctx, requests, run, (spec, i) => ({ errorContext, ...extra(spec, i) }));
}
