/**
 * The sandbox's own admin API lives under this prefix (`routes/admin.ts`). It is not part of HubSpot's API, so its
 * calls are neither logged as HubSpot calls nor hit by injected faults.
 */
export const ADMIN_PREFIX = '/__sandbox/';

export const isAdminPath = (path: string) => path.startsWith(ADMIN_PREFIX);
