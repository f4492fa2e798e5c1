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

describe('ProfileRow', () => {
  it('shows the status with an icon and words, never colour alone', () => {
    const { container } = render(<ProfileRow row={base} onRenew={() => undefined} />);
    expect(container.querySelector('.pill-icon')!.textContent).toBe('✕');
    expect(screen.getByText('Expired 2 days ago')).toBeTruthy();
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
    expect(screen.getByRole<HTMLButtonElement>('button').disabled).toBe(true);
    rerender(
      <ProfileRow
        row={{ ...base, outcome: { kind: 'cancelled' }, outcomeText: 'Cancelled: nothing was changed' }}
        onRenew={() => undefined}
      />,
    );
    expect(screen.getByRole('status').textContent).toBe('Cancelled: nothing was changed');
  });
});
