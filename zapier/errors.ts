import type { ZObject } from 'zapier-platform-core';
import { FieldValidationError } from '../hubspot/coerce';
import {
  AuthExpiredError,
  type ErrorKind,
  HubSpotError,
  RateLimitedError,
  TryLaterError,
} from '../hubspot/errors';

/**
 * What Zapier is told about a core error: the `z.errors` class for its kind. Zapier's classes
 * (https://github.com/zapier/zapier-platform/blob/main/packages/cli/README.md#general-errors, and
 * https://docs.zapier.com/platform/build/troubleshoot-throttles for ThrottledError's delay):
 * - HaltedError stops the step as the user's problem, without counting toward turning the Zap off;
 * - ExpiredAuthError marks the connection as needing a reconnect;
 * - RefreshAuthError refreshes the OAuth token and retries the step;
 * - ThrottledError retries the step after a delay;
 * - Error fails the step (and, repeated, turns the Zap off).
 */
export type ZapierErrorClass =
  | 'RefreshAuthError'
  | 'ExpiredAuthError'
  | 'ThrottledError'
  | 'HaltedError'
  | 'Error';

export const ZAPIER_ERROR_CLASS: Readonly<Record<ErrorKind, ZapierErrorClass>> = {
  'invalid-input': 'HaltedError',
  rejected: 'HaltedError',
  conflict: 'HaltedError',
  'not-found': 'HaltedError',
  'auth-expired': 'RefreshAuthError',
  'auth-invalid': 'ExpiredAuthError',
  // Only the integration's publisher can fix its client id or secret; a reconnect would fail the same way.
  'app-credentials': 'Error',
  // Granting scopes means reconnecting, which is what ExpiredAuthError asks the user for.
  'missing-scopes': 'ExpiredAuthError',
  forbidden: 'HaltedError',
  'rate-limited': 'ThrottledError',
  // A retry before the reset cannot succeed, so no ThrottledError: the step fails and says when the quota resets.
  'daily-quota': 'Error',
  locked: 'ThrottledError',
  migrating: 'ThrottledError',
  transient: 'Error',
  unexpected: 'Error',
};

/** The class for an error of the core; an expired token without a refresh token can only be reconnected. */
export function zapierClassOf(error: HubSpotError | FieldValidationError): ZapierErrorClass {
  if (error instanceof AuthExpiredError && !error.refreshable) return 'ExpiredAuthError';
  return ZAPIER_ERROR_CLASS[error.kind];
}

/** Raises a core error as the Zapier error class its kind maps to; anything else passes through unchanged. */
export function toZapierError(z: ZObject, error: unknown): unknown {
  if (!(error instanceof HubSpotError) && !(error instanceof FieldValidationError)) return error;
  switch (zapierClassOf(error)) {
    case 'ThrottledError':
      // Without a delay Zapier would pick its own; HubSpot's (a rate window, a 2-second lock) is the one that works.
      return new z.errors.ThrottledError(
        error.message,
        error instanceof RateLimitedError || error instanceof TryLaterError
          ? error.retryAfterSeconds
          : undefined,
      );
    case 'RefreshAuthError':
      return new z.errors.RefreshAuthError(error.message);
    case 'ExpiredAuthError':
      return new z.errors.ExpiredAuthError(error.message);
    case 'HaltedError':
      return new z.errors.HaltedError(error.message);
    default:
      if (!(error instanceof HubSpotError)) return new z.errors.Error(error.message);
      return new z.errors.Error(error.message, error.code ?? error.category ?? 'HubSpotError', error.status);
  }
}
