/** HubSpot writes times as ISO strings in records and epoch-ms strings in history and filters; read both. */
export function parseHubSpotTime(value: string | null | undefined): number {
  if (!value) return Number.NaN;
  return /^\d+$/.test(value) ? Number(value) : Date.parse(value);
}
