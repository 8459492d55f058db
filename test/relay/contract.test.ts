import { newSecret, signDelivery, verifyDelivery } from '../../relay/contract';

// The example of the Standard Webhooks / Svix documentation: a fixed secret, id, timestamp and payload.
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const ID = 'msg_p5jXN8AQM9LWM0D4loKWxJek';
const TIMESTAMP = 1614265330;
const BODY = '{"test": 2432232314}';
const EXPECTED = 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=';

const headers = (signature: string, timestamp = TIMESTAMP) => ({
  'Webhook-Id': ID,
  'webhook-timestamp': String(timestamp),
  'webhook-signature': signature,
});

describe('relay delivery signatures (Standard Webhooks)', () => {
  it('signs as the specification example does', () => {
    expect(signDelivery(SECRET, ID, TIMESTAMP, BODY)).toBe(EXPECTED);
  });

  it('accepts a good signature among several, within five minutes', () => {
    const now = (TIMESTAMP + 299) * 1000;
    expect(verifyDelivery(SECRET, headers(`v1,bm90IGl0 ${EXPECTED}`), BODY, now)).toEqual({ ok: true });
  });

  it('refuses a changed body, an old timestamp, a missing header and a foreign secret', () => {
    const now = TIMESTAMP * 1000;
    expect(verifyDelivery(SECRET, headers(EXPECTED), `${BODY} `, now).ok).toBe(false);
    expect(verifyDelivery(SECRET, headers(EXPECTED), BODY, (TIMESTAMP + 301) * 1000)).toEqual({
      ok: false,
      reason: 'the delivery timestamp is more than 5 minutes away',
    });
    expect(verifyDelivery(SECRET, { 'webhook-id': ID }, BODY, now).ok).toBe(false);
    expect(verifyDelivery(newSecret(), headers(EXPECTED), BODY, now).ok).toBe(false);
  });

  it('makes a new 32-byte secret each time', () => {
    const a = newSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(newSecret()).not.toBe(a);
  });
});
