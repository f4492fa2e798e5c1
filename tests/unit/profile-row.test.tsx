import { fireEvent, render, screen } from '@testing-library/preact';
import { ProfileRow } from '@/components/ProfileRow';
import { rowView } from './support/row-view';

const base = rowView({
  status: 'expired',
  statusText: 'Expired 2 days ago',
  expiresAt: 0,
  expiredSince: 0,
  lastCheckText: 'Checked 26 Nov 2026, 10:00',
});
const since = Date.UTC(2026, 10, 20);

describe('ProfileRow', () => {
  it('shows the status with an icon and words, never colour alone', () => {
    const { container } = render(<ProfileRow row={base} onRenew={() => undefined} />);
    expect(container.querySelector('.pill-icon')!.textContent).toBe('✕');
    expect(screen.getByText('Expired 2 days ago')).toBeTruthy();
  });

  it('draws the network mark, named for screen readers, beside the profile initial', () => {
    const { container } = render(<ProfileRow row={rowView({ network: 'youtube', networkName: 'YouTube' })} onRenew={() => undefined} />);
    const mark = screen.getByRole('img', { name: 'YouTube' });
    expect(mark.tagName.toLowerCase()).toBe('svg');
    expect(mark.querySelector('path')!.getAttribute('fill')).toBe('#FF0000');
    expect(container.querySelector('.avatar')!.textContent).toBe('B');
  });

  it('a healthy profile is one line (mark, name, status, Renew): no details until asked', () => {
    let toggled = '';
    const { container, rerender } = render(
      <ProfileRow row={rowView()} onRenew={() => undefined} onManagers={() => undefined} onToggle={(id) => (toggled = id)} />,
    );
    expect([...container.querySelector('.row-line')!.children].map((c) => c.className)).toEqual([
      'marks',
      'row-name',
      'pill pill-valid',
      'renew',
    ]);
    expect(container.querySelector('.row-sub')).toBeNull();
    expect(container.querySelector('.row-more')).toBeNull();
    expect(screen.queryByText('Who can renew')).toBeNull();
    const name = screen.getByRole('button', { name: 'Blue Fern Café' });
    expect(name.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(name);
    expect(toggled).toBe('facebook:1');
    rerender(<ProfileRow row={rowView()} open onRenew={() => undefined} onManagers={() => undefined} onToggle={() => undefined} />);
    expect(screen.getByRole('button', { name: 'Blue Fern Café' }).getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByText('Who can renew')).toBeTruthy();
    expect(screen.getByText('Checked')).toBeTruthy();
  });

  it('an expired profile takes a second line: the deletion countdown first, then its status and since when', () => {
    const { container } = render(
      <ProfileRow
        row={{ ...base, consequences: { pausedSince: since, historyDaysLeft: 1, deletionInDays: 3 } }}
        onRenew={() => undefined}
      />,
    );
    const parts = [...container.querySelector('.row-sub')!.children].map((c) => c.textContent);
    expect(parts).toEqual(['Data deleted in 3 days', '✕Expired 2 days ago', 'Paused since 20 Nov 2026']);
    // The status moved to the second line: the name keeps the first to itself (and Renew).
    expect(container.querySelector('.row-line .pill')).toBeNull();
  });

  it('names the profile in the Renew button for screen readers, and calls back with its id', () => {
    let renewed = '';
    render(<ProfileRow row={base} onRenew={(id) => (renewed = id)} />);
    fireEvent.click(screen.getByRole('button', { name: 'Renew Blue Fern Café (Facebook)' }));
    expect(renewed).toBe('facebook:1');
  });

  it('shows "last check failed", a running renewal, and an outcome', () => {
    const { rerender, container } = render(
      <ProfileRow row={{ ...base, lastCheckFailed: true, lastError: 'Network unreachable' }} onRenew={() => undefined} />,
    );
    expect(container.querySelector('.check-failed')!.getAttribute('title')).toBe('Network unreachable');
    rerender(<ProfileRow row={{ ...base, renewing: true }} onRenew={() => undefined} />);
    expect(screen.getByRole('status').textContent).toBe('Renewing…');
    expect(screen.getByRole<HTMLButtonElement>('button', { name: /^Renew / }).disabled).toBe(true);
    rerender(
      <ProfileRow
        row={{ ...base, outcome: { kind: 'cancelled' }, outcomeText: 'Cancelled: nothing was changed' }}
        onRenew={() => undefined}
      />,
    );
    expect(screen.getByRole('status').textContent).toBe('Cancelled: nothing was changed');
  });
});
