import type { OAuthApp } from '../../sandbox/state/auth';
import type { TestSandbox } from './sandbox';

/** Driving the sandbox's webhooks journal over HTTP as an app would: install, app token, journal calls. */

const REDIRECT_URI = 'https://relay.example.test/oauth/callback';

export const tokenCall = (
  t: Pick<TestSandbox, 'url'>,
  form: Record<string, string>,
  path = '/oauth/v1/token',
) =>
  fetch(t.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' },
    body: new URLSearchParams(form).toString(),
  });

/** Installs the app in the sandbox's portal: the authorize redirect, then the code exchange. */
export async function install(t: TestSandbox, app: OAuthApp): Promise<void> {
  const query = new URLSearchParams({
    client_id: app.clientId,
    redirect_uri: REDIRECT_URI,
    scope: 'crm.objects.contacts.read',
  });
  const redirect = await fetch(`${t.url}/oauth/authorize?${query}`, { redirect: 'manual' });
  const code = new URL(redirect.headers.get('location')!).searchParams.get('code')!;
  const res = await tokenCall(t, {
    grant_type: 'authorization_code',
    client_id: app.clientId,
    client_secret: app.clientSecret,
    redirect_uri: REDIRECT_URI,
    code,
  });
  if (res.status !== 200) throw new Error(`install failed: ${res.status} ${await res.text()}`);
}

/** An app token from the client-credentials grant. */
export async function appToken(t: TestSandbox, app: OAuthApp, scope?: string): Promise<string> {
  const res = await tokenCall(t, {
    grant_type: 'client_credentials',
    client_id: app.clientId,
    client_secret: app.clientSecret,
    ...(scope ? { scope } : {}),
  });
  if (res.status !== 200) throw new Error(`client_credentials failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

/** A journal or subscription call with a bearer token. */
export const journalCall = (t: TestSandbox, token: string, method: string, path: string, body?: unknown) =>
  fetch(t.url + path, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

export interface FetchAnswer {
  currentOffset: string;
  url: string;
  expiresAt: string;
}

export interface JournalFile {
  offset: string;
  portalId: number;
  publishedAt: string;
  journalEvents: Array<Record<string, unknown>>;
}

/** Downloads a journal file by its pre-signed URL, without Authorization, as HubSpot's docs ask. */
export async function download(answer: FetchAnswer): Promise<JournalFile> {
  const res = await fetch(answer.url);
  if (res.status !== 200) throw new Error(`download failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as JournalFile;
}
