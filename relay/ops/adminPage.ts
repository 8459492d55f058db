import { createHash } from 'node:crypto';
import type { DeliveryRecord, StoredSubscription } from '../store/types';

/**
 * The admin page's HTML, rendered on the server: every value escaped, no script, no external asset. The one style
 * block is allowed by its hash in the Content-Security-Policy, so nothing injected could style or script the page.
 */

const STYLE = `body{font:14px system-ui,sans-serif;margin:1.5rem;color:#222}
table{border-collapse:collapse;margin:.5rem 0 1.5rem}th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left}
th{background:#f3f3f3}.dead{color:#a00}.delivered{color:#070}.note{background:#eef;padding:.5rem}`;

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

export function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>${STYLE}</style></head><body><h1>${escapeHtml(title)}</h1>${body}</body></html>`;
}

const time = (ms: number | undefined) => (ms === undefined ? '' : new Date(ms).toISOString());

/** A hook URL lets anyone post to the Zap or scenario: the page shows its host only. */
function targetHost(url: string): string {
  try {
    return `${new URL(url).host}/…`;
  } catch {
    return '(invalid URL)';
  }
}

function table(headers: string[], rows: string[][], empty: string): string {
  if (rows.length === 0) return `<p>${escapeHtml(empty)}</p>`;
  const head = headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  // Cells arrive escaped (or as markup built here from escaped values).
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('\n');
  return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

export function loginPage(message?: string): string {
  return page(
    'HubSpot Bridge relay: sign in',
    `${message ? `<p class="note">${escapeHtml(message)}</p>` : ''}
<form method="post" action="/admin/login"><label>Admin token <input type="password" name="token" autocomplete="current-password" required></label>
<button type="submit">Sign in</button></form>`,
  );
}

export interface AdminView {
  subscriptions: StoredSubscription[];
  recent: DeliveryRecord[];
  dead: DeliveryRecord[];
  /** The CSRF token for the forms; absent for bearer callers, who cannot be forged by a browser. */
  csrf?: string;
  notice?: string;
}

export function adminPage(view: AdminView): string {
  const portals = new Map<number, StoredSubscription[]>();
  for (const s of view.subscriptions) portals.set(s.portalId, [...(portals.get(s.portalId) ?? []), s]);
  const subscriptionSections = [...portals]
    .sort(([a], [b]) => a - b)
    .map(
      ([portal, list]) =>
        `<h3>Portal ${escapeHtml(portal)} (${list.length})</h3>${table(
          ['Subscription', 'Object type', 'Event', 'Property', 'Target', 'Created'],
          list.map((s) => [
            escapeHtml(s.id),
            escapeHtml(s.objectType),
            escapeHtml(s.event),
            escapeHtml(s.property),
            escapeHtml(targetHost(s.targetUrl)),
            escapeHtml(time(s.createdAt)),
          ]),
          'No subscriptions.',
        )}`,
    )
    .join('\n');
  const csrf = view.csrf ? `<input type="hidden" name="csrf" value="${escapeHtml(view.csrf)}">` : '';
  const row = (d: DeliveryRecord) => [
    escapeHtml(d.id),
    escapeHtml(d.subscriptionId),
    escapeHtml(d.eventId),
    `<span class="${escapeHtml(d.status)}">${escapeHtml(d.status)}</span>`,
    escapeHtml(d.attempts),
    escapeHtml(d.lastStatus),
    escapeHtml(d.lastError),
    escapeHtml(time(d.createdAt)),
  ];
  const headers = [
    'Id',
    'Subscription',
    'Event id',
    'Status',
    'Attempts',
    'Last HTTP',
    'Last error',
    'Queued',
  ];
  return page(
    'HubSpot Bridge relay',
    `${view.notice ? `<p class="note" role="status">${escapeHtml(view.notice)}</p>` : ''}
<form method="post" action="/admin/logout">${csrf}<button type="submit">Sign out</button></form>
<h2>Subscriptions per portal</h2>${subscriptionSections || '<p>No subscriptions.</p>'}
<h2>Dead letters</h2>${table(
      [...headers, ''],
      view.dead.map((d) => [
        ...row(d),
        `<form method="post" action="/admin/redeliver">${csrf}<input type="hidden" name="id" value="${escapeHtml(d.id)}"><button type="submit" aria-label="Redeliver ${escapeHtml(d.id)}">Redeliver</button></form>`,
      ]),
      'No dead letters.',
    )}
<h2>Recent deliveries</h2>${table(headers, view.recent.map(row), 'Nothing delivered yet.')}`,
  );
}
