import * as z from 'zod/mini';
import { withFastPath } from '@/utils/fast-parse';
import { syncAnswer, syncAnswerParser } from '@/utils/hub-protocol';

/** A small seeded PRNG, so a failure can be replayed. */
function prng(seed: number) {
  return () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
}

const grant = (i: number) => ({
  id: `facebook:${i}`,
  network: 'facebook',
  identityId: `facebook:${i}`,
  scopes: ['pages_show_list'],
  issuedAt: 1,
  expiresAt: i % 2 ? null : 2,
  accessExpiresAt: null,
  invalidSince: null,
  invalidReason: null,
  invalidCode: i % 3 ? undefined : null,
  expirySource: i % 4 ? 'network' : undefined,
  refreshable: false,
  lastCheckAt: null,
  lastCheckResult: 'valid',
  lastError: null,
  failures: 0,
  nextCheckAt: 3,
  // What the hub sends and the extension does not keep (stripped, as zod strips it).
  renewal: null,
  refreshStartedAt: null,
});

const validAnswer = () =>
  JSON.parse(
    JSON.stringify({
      cursor: 12,
      grants: [grant(1), grant(2), grant(3), grant(4)],
      profiles: [1, 2, 3].map((i) => ({
        id: `facebook:p${i}`,
        network: 'facebook',
        nativeId: `p${i}`,
        kind: 'page',
        name: `Page ${i}`,
        handle: i === 1 ? '@p' : null,
        avatar: null,
        grantId: `facebook:${i}`,
        createdAt: 5,
      })),
      removed: ['facebook:gone'],
      access: [
        {
          identityId: 'facebook:1',
          network: 'facebook',
          name: 'Ann',
          memberEmail: null,
          profileId: 'facebook:p1',
          can: 'yes',
          reason: null,
          at: 4,
        },
      ],
      preferences: {
        reminders: { thresholds: [7, 1], mode: 'per-profile', profiles: { 'facebook:p1': { muted: true } } },
        notifications: true,
        startupWarning: false,
      },
      history: [
        { profileId: 'facebook:p1', at: 3, kind: 'status', fact: { code: 'statusChanged', from: 'valid', to: 'expired' } },
        { profileId: 'facebook:p2', at: 4, kind: 'connected', text: 'Connected' },
      ],
    }),
  ) as Record<string, unknown>;

/** Every place in a JSON value: [container, key]. */
function places(value: unknown, out: [Record<string, unknown> | unknown[], string | number][] = []) {
  if (!value || typeof value !== 'object') return out;
  for (const [k, v] of Object.entries(value)) {
    out.push(Array.isArray(value) ? [value, Number(k)] : [value as Record<string, unknown>, k]);
    places(v, out);
  }
  return out;
}

const ODD_VALUES: unknown[] = [null, 0, -1, 1.5, '', 'x', 'facebook', 'valid', true, false, [], {}, [1], { a: 1 }, 'NaN', 1e308];

/** The same verdict, and when accepted the same output, key for key and in the same order. */
function expectSameAsZod(input: unknown) {
  const fast = syncAnswerParser.safeParse(input);
  const slow = syncAnswer.safeParse(input);
  expect(fast.success).toBe(slow.success);
  if (fast.success && slow.success) {
    expect(fast.data).toStrictEqual(slow.data);
    expect(JSON.stringify(fast.data)).toBe(JSON.stringify(slow.data));
  }
}

describe("the sync answer's fast parser", () => {
  it('gives what zod gives for a valid answer: unknown keys dropped, absent optional keys left absent', () => {
    const input = validAnswer();
    expectSameAsZod(input);
    const parsed = syncAnswerParser.safeParse(input);
    expect(parsed.success && parsed.data.grants[0]).not.toHaveProperty('renewal');
    expect(parsed.success && parsed.data.grants[3]).not.toHaveProperty('expirySource');
    expect(parsed.success && parsed.data.grants[0]).toHaveProperty('expirySource', 'network');
  });

  it('gives the same verdict and output as zod for 3,000 damaged answers (a value replaced, a key removed or added)', () => {
    const rand = prng(14);
    let refused = 0;
    for (let n = 0; n < 3000; n++) {
      const input = validAnswer();
      const all = places(input);
      const [container, key] = all[Math.floor(rand() * all.length)]!;
      const action = rand();
      if (action < 0.6) (container as Record<string, unknown>)[key] = ODD_VALUES[Math.floor(rand() * ODD_VALUES.length)];
      else if (action < 0.85 && !Array.isArray(container)) delete container[key];
      else if (!Array.isArray(container)) container[`extra${n}`] = 1;
      expectSameAsZod(input);
      if (!syncAnswer.safeParse(input).success) refused += 1;
    }
    // The damage is real: most of these answers are refused.
    expect(refused).toBeGreaterThan(1500);
  });

  it('leaves to zod what it does not know: formats, refinements, unions (their own rules hold)', () => {
    const schema = z.object({
      n: z.int(),
      s: z.string().check(z.regex(/^a/)),
      u: z.union([z.string(), z.number()]),
      r: z.record(z.string(), z.boolean()),
    });
    const fast = withFastPath(schema);
    expect(fast.safeParse({ n: 1.5, s: 'a', u: 1, r: {} }).success).toBe(false);
    expect(fast.safeParse({ n: 1, s: 'b', u: 1, r: {} }).success).toBe(false);
    expect(fast.safeParse({ n: 1, s: 'a', u: true, r: {} }).success).toBe(false);
    expect(fast.safeParse({ n: 1, s: 'a', u: 'x', r: { k: 1 } }).success).toBe(false);
    expect(fast.safeParse({ n: 1, s: 'ab', u: 'x', r: { k: true } })).toEqual({
      success: true,
      data: { n: 1, s: 'ab', u: 'x', r: { k: true } },
    });
  });

  it('refuses with the same message as zod: the failure comes from zod itself', () => {
    const input = validAnswer();
    (input.grants as Record<string, unknown>[])[2]!.expiresAt = 'soon';
    const fast = syncAnswerParser.safeParse(input) as { success: false; error?: z.core.$ZodError };
    expect(fast.success).toBe(false);
    expect(fast.error?.issues[0]?.path).toEqual(['grants', 2, 'expiresAt']);
  });
});
