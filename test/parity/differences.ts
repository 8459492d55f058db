/**
 * Where Zapier and Make differ for the same inputs, and why. Each reason names what the platform does or cannot do;
 * the parity suite fails on a difference missing here and on a reason whose difference no longer occurs.
 */
export const EXPECTED_DIFFERENCES: Record<string, { requests?: string; output?: string }> = {};
