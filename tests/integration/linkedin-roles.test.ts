import { connectNetwork } from '@/entrypoints/background/connect';
import { historyText } from '@/utils/history-facts';
import { pollGrants } from '@/entrypoints/background/poll';
import { renewProfile } from '@/entrypoints/background/renew';
import { readProfileRows } from '@/utils/db/profile-rows';
import { NETWORKS } from '@/utils/networks/catalog';
import { sortedRowViews } from '@/utils/profile-view';
import { harness, type Harness } from './support/harness';

const SUPER_ADMIN = NETWORKS.linkedin.permissionNeeded;

/**
 * Introspection says a token is active; it says nothing of roles. A member who loses Super Admin
 * on a page keeps an active token: the check confirms each tracked page's ACL.
 */
describe('LinkedIn: a lost page role is noticed by the check (organizationAcls)', () => {
  let h: Harness;
  afterEach(() => h?.close());

  async function setUp() {
    h = await harness();
    const alex = h.sandbox.state.addAccount({
      network: 'linkedin',
      name: 'Alex Rivera',
      pages: [
        { id: '501', name: 'Fern & Co.', tasks: ['ADMINISTRATOR'] },
        { id: '502', name: 'Fern Roastery Ltd', tasks: ['ADMINISTRATOR'] },
      ],
    });
    expect(await connectNetwork(h.deps, 'linkedin')).toMatchObject({ kind: 'connected', profiles: 3 });
    // Alex is demoted on one page (now a content admin): the token stays active.
    alex.pages[1]!.tasks = ['CONTENT_ADMINISTRATOR'];
    await pollGrants(h.deps, { force: true });
    const rows = async () => new Map(sortedRowViews(await readProfileRows(h.deps.db), h.deps.now()).map((r) => [r.id, r]));
    return { alex, rows };
  }

  it('that page alone needs a renewal, by someone who has the role, the permission named', async () => {
    const { rows } = await setUp();
    const byId = await rows();
    expect(byId.get('linkedin:org-502')).toMatchObject({ status: 'expired', statusText: 'Sign-in needed: role on the page lost' });
    expect(byId.get('linkedin:org-501')?.status).toBe('valid');
    expect([...byId.values()].filter((r) => r.status === 'valid')).toHaveLength(2); // the other page and the personal profile
    const identity = (await h.deps.db.identities.toArray())[0]!;
    expect(identity.access['linkedin:org-502']).toMatchObject({ can: 'no', reason: `Missing: ${SUPER_ADMIN}` });
    expect(identity.access['linkedin:org-501']?.can).toBe('yes');
    const history = await h.deps.db.history.where('profileId').equals('linkedin:org-502').toArray();
    // (a reminder that the page expired may follow: the poll delivers what it found due)
    expect(history.map(historyText)).toContainEqual(expect.stringContaining(`someone with it must renew (${SUPER_ADMIN})`));
  });

  it('renewing it with the demoted login is refused with the permission; a Super Admin’s login renews it', async () => {
    const { rows } = await setUp();
    expect(await renewProfile(h.deps, 'linkedin:org-502')).toEqual({
      kind: 'no-permission',
      permission: SUPER_ADMIN,
      identity: 'Alex Rivera',
    });
    expect((await rows()).get('linkedin:org-502')?.status).toBe('expired');

    h.sandbox.state.addAccount({
      network: 'linkedin',
      name: 'Jordan Park',
      pages: [{ id: '502', name: 'Fern Roastery Ltd', tasks: ['ADMINISTRATOR'] }],
    });
    expect(await renewProfile(h.deps, 'linkedin:org-502')).toMatchObject({ kind: 'renewed' });
    expect((await rows()).get('linkedin:org-502')?.status).toBe('valid');
    expect(await h.deps.db.grants.filter((g) => g.id.includes('/lost/')).count()).toBe(0);
    // The next check confirms Jordan's role on it, and Alex's on the other page: nothing else moves.
    await pollGrants(h.deps, { force: true });
    expect([...(await rows()).values()].map((r) => r.status)).toEqual(['valid', 'valid', 'valid']);
  });

  it('the sandbox’s roleAssignee finder filters by role and state and pages its answer', async () => {
    await setUp();
    const tokens = [...h.sandbox.state.tokens.values()].filter(
      (t) => t.network === 'linkedin' && t.kind === 'access' && !h.sandbox.state.deadReason(t),
    );
    const get = async (query: string) => {
      const res = await fetch(`${h.sandbox.url}/linkedin/api.linkedin.com/rest/organizationAcls?${query}`, {
        headers: { authorization: `Bearer ${tokens.at(-1)!.value}`, 'linkedin-version': '202610' },
      });
      return (await res.json()) as { elements: { organization: string }[] };
    };
    h.sandbox.state.now = () => Date.UTC(2026, 10, 30);
    expect((await get('q=roleAssignee&role=ADMINISTRATOR&state=APPROVED')).elements.map((e) => e.organization)).toEqual([
      'urn:li:organization:501',
    ]);
    expect((await get('q=roleAssignee&state=APPROVED&count=1')).elements).toHaveLength(1);
  });
});
