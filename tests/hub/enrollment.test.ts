import { randomBytes } from 'node:crypto';
import { startTestHub, type TestHub } from './support/hub';

const HOUR = 60 * 60 * 1000;

describe('hub: enrollment codes', () => {
  let t: TestHub;
  beforeEach(async () => {
    t = await startTestHub();
  });
  afterEach(async () => t.close());

  const invite = async (email: string) => (await t.command('invite', email, '--role', 'member')).at(-1)!;
  const enroll = (code: string) => t.api('/v1/enroll', { body: { code, deviceName: 'browser' } });

  it('works once: a second enrollment with the same code is refused and makes no device', async () => {
    const code = await invite('m@example.org');
    const first = await enroll(code);
    expect(first.status).toBe(200);
    expect(first.body.deviceKey).toMatch(/^twd_[A-Za-z0-9_-]{43}$/);
    const again = await enroll(code);
    expect(again).toMatchObject({ status: 403, body: { error: 'invalid-code' } });
    expect((await t.db.pool.query('select count(*)::int as n from devices')).rows[0]).toEqual({ n: 1 });
  });

  it('counts enrollments per address the proxy appended, in a budget of 20 a minute, whatever the header holds', async () => {
    t.startOfMinute();
    const code = await invite('m@example.org');
    const from = (xff: string) =>
      fetch(`${t.url}/v1/enroll`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': xff },
        body: JSON.stringify({ code: 'NOPE-NOPE-NOPE-NOPE', deviceName: 'browser' }),
      });
    // A header of any length is a budget key cut short (not a 500 from the database's index).
    expect((await from(`10.0.0.1, ${randomBytes(3000).toString('hex')}`)).status).toBe(403);
    // What the client writes before the proxy's entry changes nothing: one budget for 203.0.113.7.
    const statuses = [];
    for (let i = 0; i < 21; i++) statuses.push((await from(`198.51.100.${i}, 203.0.113.7`)).status);
    expect(statuses.slice(0, 20).every((s) => s === 403)).toBe(true);
    expect(statuses[20]).toBe(429);
    // Another address has its own budget.
    expect((await t.api('/v1/enroll', { body: { code, deviceName: 'browser' } })).status).toBe(200);
  });

  it('accepts the code typed loosely (lower case, no dashes) within 24 hours, and refuses it after', async () => {
    const early = await invite('early@example.org');
    const late = await invite('late@example.org');
    t.advance(24 * HOUR - 60_000);
    expect((await enroll(early.toLowerCase().replace(/-/g, ' '))).status).toBe(200);
    t.advance(2 * 60_000);
    expect(await enroll(late)).toMatchObject({ status: 403, body: { error: 'invalid-code' } });
  });

  it('stores only the hash of a code and of a device key', async () => {
    const code = await invite('m@example.org');
    const key = (await enroll(code)).body.deviceKey as string;
    const dump = await t.db.pool.query(
      "select (select string_agg(t::text, ' ') from enrollment_codes t) || (select string_agg(t::text, ' ') from devices t) as all",
    );
    expect(dump.rows[0].all).not.toContain(code);
    expect(dump.rows[0].all).not.toContain(key);
  });
});
