import { fireEvent, render, screen } from '@testing-library/preact';
import { BulkRenew } from '@/components/BulkRenew';
import { Consequences } from '@/components/Consequences';
import { ListToolbar } from '@/components/ListToolbar';
import { ManagersDialog } from '@/components/ManagersDialog';
import type { JobRecord } from '@/utils/db/schema';
import { NO_FILTER, type ListFilter } from '@/utils/list-filter';
import { setLang } from '@/utils/i18n/index';

describe('ListToolbar', () => {
  it('shows counts, toggles statuses, and combines with network and text', () => {
    let filter: ListFilter = NO_FILTER;
    const toolbar = () => (
      <ListToolbar
        filter={filter}
        counts={{ expired: 2, expiring: 1, valid: 5, 'no-expiry': 0 }}
        networks={['facebook', 'x']}
        onChange={(f) => (filter = f)}
      />
    );
    const { rerender } = render(toolbar());
    const expired = screen.getByRole('button', { name: 'Expired 2: expired' });
    expect(expired.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(expired);
    expect(filter.statuses).toEqual(['expired']);
    rerender(toolbar());
    expect(screen.getByRole('button', { name: 'Expired 2: expired' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.change(screen.getByLabelText('Network'), { target: { value: 'x' } });
    expect(filter).toMatchObject({ statuses: ['expired'], network: 'x' });
    fireEvent.input(screen.getByLabelText('Search profiles by name or handle'), { target: { value: 'fern' } });
    expect(filter.text).toBe('fern');
  });
});

describe('BulkRenew', () => {
  const job = (over: Partial<JobRecord>): JobRecord => ({
    id: 'renew-all:facebook',
    network: 'facebook',
    state: 'running',
    total: 12,
    done: 3,
    currentProfileId: 'facebook:1',
    results: [],
    cancelRequested: false,
    startedAt: 0,
    finishedAt: null,
    ...over,
  });
  it('offers the run with the count at risk', () => {
    let started = false;
    render(<BulkRenew networkName="Facebook" atRisk={4} job={null} onStart={() => (started = true)} onCancel={() => undefined} />);
    fireEvent.click(screen.getByText('Try renewing all Facebook (4)'));
    expect(started).toBe(true);
  });
  it('shows "3 of 12" and Cancel while running', () => {
    let cancelled = false;
    render(<BulkRenew networkName="Facebook" atRisk={4} job={job({})} onStart={() => undefined} onCancel={() => (cancelled = true)} />);
    expect(screen.getByText('3 of 12')).toBeTruthy();
    fireEvent.click(screen.getByText('Cancel'));
    expect(cancelled).toBe(true);
  });
  it('sums up renewed, cancelled and failed with the reason', () => {
    const results = [
      { profileId: 'a', name: 'A', outcome: { kind: 'renewed' as const, profiles: 1 } },
      { profileId: 'b', name: 'B', outcome: { kind: 'cancelled' as const } },
      { profileId: 'c', name: 'C', outcome: { kind: 'unreachable' as const, reason: 'Network unreachable' } },
    ];
    render(
      <BulkRenew
        networkName="Facebook"
        atRisk={0}
        job={job({ state: 'done', done: 3, total: 3, results })}
        onStart={() => undefined}
        onCancel={() => undefined}
      />,
    );
    expect(screen.getByText('Renewed 1 · Cancelled 1 · Failed 1')).toBeTruthy();
    expect(
      screen.getByText(
        'C: Not renewed: the network could not be reached (Network unreachable). Nothing was changed: try again once online.',
      ),
    ).toBeTruthy();
  });
});

describe('ManagersDialog', () => {
  it('lists identities with ✓ ✗ ? in words, and the permission needed', () => {
    let closed = false;
    const { container } = render(
      <ManagersDialog
        profileName="Fern & Co."
        networkName="LinkedIn"
        permissionNeeded="Super Admin of the company page"
        identities={[
          { id: '1', name: 'Alex', can: 'yes' },
          { id: '2', name: 'Robin', can: 'no', reason: 'Missing: Super Admin' },
          { id: '3', name: 'Sam', can: 'unknown' },
        ]}
        onClose={() => (closed = true)}
      />,
    );
    expect([...container.querySelectorAll('.managers li')].map((l) => l.textContent)).toEqual([
      '✓ Alex can renew',
      '✗ Robin cannot renew (Missing: Super Admin)',
      '? Sam unknown: held a token before, permission not known now',
    ]);
    expect(screen.getByText(/Super Admin of the company page/)).toBeTruthy();
    fireEvent.click(screen.getByText('Close'));
    expect(closed).toBe(true);
  });

  it('is a modal <dialog> (showModal), Escape closes it, Tab stays inside', () => {
    const shown = vi.spyOn(HTMLDialogElement.prototype, 'showModal');
    let closed = 0;
    const { container } = render(
      <>
        <button type="button">Behind</button>
        <ManagersDialog
          profileName="Fern & Co."
          networkName="LinkedIn"
          permissionNeeded="Super Admin"
          identities={[]}
          onClose={() => (closed += 1)}
        />
      </>,
    );
    const dialog = container.querySelector('dialog')!;
    expect(shown).toHaveBeenCalledTimes(1);
    expect(dialog.open).toBe(true);
    const close = screen.getByText('Close');
    close.focus();
    fireEvent.keyDown(dialog, { key: 'Tab' });
    expect(document.activeElement).toBe(close);
    fireEvent.keyDown(dialog, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(close);
    const cancel = new Event('cancel', { cancelable: true });
    dialog.dispatchEvent(cancel);
    expect(closed).toBe(1);
    expect(cancel.defaultPrevented).toBe(true);
    shown.mockRestore();
  });
});

describe('Consequences', () => {
  it('says what is paused, and the deletion countdown for YouTube', () => {
    const since = Date.UTC(2026, 10, 20);
    const { container, rerender } = render(<Consequences c={{ pausedSince: since, historyDaysLeft: 84, deletionInDays: null }} />);
    expect(container.textContent).toBe(
      'Publishing and sync paused since 20 Nov 2026 · 84 days before data from this gap can no longer be recovered',
    );
    rerender(<Consequences c={{ pausedSince: since, historyDaysLeft: 1, deletionInDays: 1 }} />);
    expect(container.textContent).toBe('Publishing and sync paused since 20 Nov 2026 · data deleted in 1 day');
  });

  it('speaks French too', () => {
    setLang('fr');
    const { container } = render(<Consequences c={{ pausedSince: Date.UTC(2026, 10, 20), historyDaysLeft: 2, deletionInDays: null }} />);
    expect(container.textContent).toBe(
      'Publication et synchronisation en pause depuis le 20 nov. 2026 · 2 jours avant que les données de cette interruption ne soient plus récupérables',
    );
    setLang('en');
  });
});
