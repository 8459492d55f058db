import { json } from '../http';
import type { Router } from '../router';

/**
 * Account details and daily API usage.
 * https://developers.hubspot.com/docs/api/settings/account-information-api
 */
export function accountRoutes(router: Router): void {
  router.get('/account-info/v3/details', {}, (_req, portal) =>
    json(200, {
      portalId: portal.info.portalId,
      accountType: 'STANDARD',
      timeZone: portal.info.timeZone,
      companyCurrency: portal.info.currency,
      additionalCurrencies: [],
      utcOffset: utcOffset(portal.info.timeZone, portal.now()),
      utcOffsetMilliseconds: utcOffsetMs(portal.info.timeZone, portal.now()),
      uiDomain: 'app.hubspot.com',
      dataHostingLocation: 'eu1',
    }),
  );

  router.get('/account-info/v3/api-usage/daily/private-apps', {}, (_req, portal) => {
    const usage = portal.limits.dailyUsage();
    const now = portal.now();
    return json(200, {
      results: [
        {
          name: 'api-calls-daily',
          usageLimit: portal.limits.dailyLimit(),
          currentUsage: usage.count,
          collectedAt: new Date(now).toISOString(),
          fetchStatus: 'SUCCESS',
          resetsAt: new Date(portal.limits.nextDailyReset(now)).toISOString(),
        },
      ],
    });
  });
}

/** How far the wall clock of `timeZone` is ahead of UTC at an instant (whole seconds), through `Intl`. */
function utcOffsetMs(timeZone: string, at: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(at));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return wall - Math.floor(at / 1000) * 1000;
}

function utcOffset(timeZone: string, at: number): string {
  const ms = utcOffsetMs(timeZone, at);
  const sign = ms < 0 ? '-' : '+';
  const minutes = Math.abs(ms) / 60_000;
  return `${sign}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
