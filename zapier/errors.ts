import type { ZObject } from 'zapier-platform-core';
import { FieldValidationError } from '../hubspot/coerce';
import { HubSpotError, RateLimitedError, TryLaterError } from '../hubspot/errors';

/**
 * Raises a core error as the Zapier error class the error table names, so Zapier does the right thing: retry later
 * (ThrottledError), refresh the token (RefreshAuthError), ask the user to reconnect (ExpiredAuthError), stop without
 * turning the Zap off (HaltedError), or fail the step (Error).
 */
export function toZapierError(z: ZObject, error: unknown): unknown {
  if (error instanceof FieldValidationError) return new z.errors.HaltedError(error.message);
  if (!(error instanceof HubSpotError)) return error;
  switch (error.zapierErrorClass) {
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
      return new z.errors.Error(error.message, error.code ?? error.category ?? 'HubSpotError', error.status);
  }
}
