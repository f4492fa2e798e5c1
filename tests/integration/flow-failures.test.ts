import { connectNetwork } from '@/entrypoints/background/connect';
import { renewProfile } from '@/entrypoints/background/renew';
import { describeOutcome } from '@/utils/outcomes';
import { addOne } from '../sandbox/fixtures';
import { harness, type Harness } from './support/harness';

/**
 * A failed connect or renewal says which it was, whether the network refused (with its reason)
 * or did not answer at all, and what to do next. Only no answer is "could not be reached".
 */
describe('failed connects and renewals are told as what happened', () => {
  let h: Harness;
  afterEach(() => h?.close());

  it('a connect LinkedIn refuses (426, API version not active) is a refusal of a connect, with LinkedIn’s reason', async () => {
    h = await harness();
    h.sandbox.state.now = () => Date.UTC(2026, 10, 30);
    h.setNow(Date.UTC(2024, 10, 1)); // a clock two years behind: every version it derives is sunset
    addOne(h.sandbox.state, 'linkedin', 'Blue Fern', '9001');
    const outcome = await connectNetwork(h.deps, 'linkedin');
    expect(outcome).toMatchObject({ kind: 'refused', network: 'LinkedIn', during: 'connect' });
    const text = describeOutcome(outcome);
    expect(text).toMatch(
      /^Not connected: LinkedIn refused it \(LinkedIn refused API versions 202410 and 202411: Requested version 202411 is not active\)/,
    );
    expect(text).toContain('Nothing was changed: check its settings in Options (Advanced), then try again.');
    expect(text).not.toMatch(/renewed|could not be reached/);
  });

  it('a TikTok connect whose token call gets no answer is "could not be reached", as a connect', async () => {
    h = await harness();
    addOne(h.sandbox.state, 'tiktok', 'Mika', '1');
    // The authorize page loads (the window), then the network's API hosts are out of reach.
    h.deps.fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    const outcome = await connectNetwork(h.deps, 'tiktok');
    expect(outcome).toEqual({ kind: 'unreachable', reason: 'Network unreachable', network: 'TikTok', during: 'connect' });
    expect(describeOutcome(outcome)).toBe(
      'Not connected: TikTok could not be reached (Network unreachable). Nothing was changed: try again once online.',
    );
  });

  it('a renewal answered with a 503 is the network’s own error, not "could not be reached", and says to try later', async () => {
    h = await harness();
    await h.control('accounts', { network: 'facebook', name: 'Alex', pages: [{ id: '1', name: 'A' }] });
    await connectNetwork(h.deps, 'facebook');
    await h.control('fault', { network: 'facebook', mode: '5xx' });
    const outcome = await renewProfile(h.deps, 'facebook:1');
    expect(outcome).toMatchObject({ kind: 'refused', trouble: true, network: 'Facebook', during: 'renewal' });
    expect(describeOutcome(outcome)).toBe(
      'Not renewed: Facebook answered with an error (The network had an error (HTTP 503)). Nothing was changed: try again in a few minutes.',
    );
  });

  it('a TikTok renewal refused at the token endpoint names TikTok’s reason', async () => {
    h = await harness();
    const { profileId } = addOne(h.sandbox.state, 'tiktok', 'Mika', '1');
    await connectNetwork(h.deps, 'tiktok');
    // The backend's exchange URL refuses the request (as a misconfigured one would).
    const fetchBefore = h.deps.fetch;
    h.deps.fetch = (input, init) =>
      String(input).endsWith('/exchange')
        ? Promise.resolve(
            new Response(JSON.stringify({ error: 'invalid_request', error_description: 'Client key is not valid.' }), { status: 400 }),
          )
        : fetchBefore(input, init);
    const outcome = await renewProfile(h.deps, profileId);
    expect(outcome).toMatchObject({ kind: 'refused', network: 'TikTok', during: 'renewal', reason: 'Client key is not valid.' });
    expect(describeOutcome(outcome)).toMatch(/^Not renewed: TikTok refused it \(Client key is not valid\.\)/);
  });
});
