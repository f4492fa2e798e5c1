import { connectNetwork } from '@/entrypoints/background/connect';
import { linkedinVersion } from '@/utils/networks/linkedin-rest';
import { addOne } from '../sandbox/fixtures';
import { harness, type Harness } from './support/harness';

const SANDBOX_NOW = Date.UTC(2026, 10, 30, 12); // 30 Nov 2026, the sandbox's clock
const MONTH = 31 * 86_400_000;

/** The LinkedIn-Version of every `/rest/*` request the extension sends. */
function recordVersions(h: Harness): string[] {
  const versions: string[] = [];
  const fetchBefore = h.deps.fetch;
  h.deps.fetch = (input, init) => {
    if (String(input).includes('/api.linkedin.com/rest/')) versions.push(new Headers(init?.headers).get('linkedin-version') ?? '(none)');
    return fetchBefore(input, init);
  };
  return versions;
}

describe('LinkedIn-Version: derived from the date, one retry on a version refusal (sandbox sunsets after 12 months)', () => {
  let h: Harness;
  afterEach(() => h?.close());

  async function setUp(clientNow: number) {
    h = await harness();
    h.sandbox.state.now = () => SANDBOX_NOW;
    h.setNow(clientNow);
    addOne(h.sandbox.state, 'linkedin', 'Blue Fern', '9001');
    return recordVersions(h);
  }

  it('names last month’s version (UTC), as YYYYMM', () => {
    expect(linkedinVersion(Date.UTC(2026, 10, 30))).toBe('202610');
    expect(linkedinVersion(Date.UTC(2027, 0, 1))).toBe('202612');
    expect(linkedinVersion(Date.UTC(2027, 0, 1), 0)).toBe('202701');
  });

  it('connects a company page today with a supported version, in one request per call', async () => {
    const versions = await setUp(SANDBOX_NOW);
    expect(await connectNetwork(h.deps, 'linkedin')).toMatchObject({ kind: 'connected', profiles: 2 });
    expect(versions).toEqual(['202610', '202610']);
    expect(await h.deps.db.profiles.get('linkedin:org-9001')).toBeDefined();
  });

  it('the sandbox answers 426 NONEXISTENT_VERSION to a version older than 12 months, and 400 VERSION_MISSING without one', async () => {
    await setUp(SANDBOX_NOW);
    const get = async (headers: Record<string, string>) => {
      const res = await fetch(`${h.sandbox.url}/linkedin/api.linkedin.com/rest/organizations/9001`, { headers });
      return { status: res.status, body: (await res.json()) as unknown };
    };
    expect(await get({ 'linkedin-version': '202411' })).toEqual({
      status: 426,
      body: { status: 426, code: 'NONEXISTENT_VERSION', message: 'Requested version 202411 is not active' },
    });
    expect(await get({ 'linkedin-version': '202701' })).toMatchObject({ status: 426 }); // not released yet
    expect(await get({})).toMatchObject({ status: 400, body: { code: 'VERSION_MISSING' } });
  });

  it('retries once with a version a month nearer the present when the first is sunset (clock behind LinkedIn’s)', async () => {
    const versions = await setUp(SANDBOX_NOW - 12 * MONTH + 2 * 86_400_000);
    expect(await connectNetwork(h.deps, 'linkedin')).toMatchObject({ kind: 'connected', profiles: 2 });
    expect(versions.slice(0, 2)).toEqual(['202510', '202511']);
    expect(versions.slice(2)).toEqual(['202510', '202511']);
  });

  it('says LinkedIn refused the version after a single retry, and tracks nothing', async () => {
    const versions = await setUp(SANDBOX_NOW - 24 * MONTH);
    const outcome = await connectNetwork(h.deps, 'linkedin');
    expect(outcome).not.toMatchObject({ kind: 'connected' });
    expect(JSON.stringify(outcome)).toContain('is not active');
    expect(versions).toHaveLength(2);
    expect(await h.deps.db.profiles.count()).toBe(0);
  });
});
