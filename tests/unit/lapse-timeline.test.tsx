import { fireEvent, render, screen } from '@testing-library/preact';
import { LapseTimeline } from '@/components/LapseTimeline';
import { lapseMarks, todayAt, type LapseRow } from '@/utils/lapse-marks';
import { DAY } from '@/utils/time';

const NOW = Date.UTC(2026, 10, 26, 12);
const row = (id: string, over: Partial<LapseRow>): LapseRow => ({
  id,
  name: id,
  network: 'facebook',
  status: 'valid',
  expiresAt: null,
  expiredSince: null,
  renewByPolicy: false,
  ...over,
});
const rows = [
  row('Fern Harbour', { status: 'expired', expiredSince: NOW - 2 * DAY }),
  row('Clip 1', { network: 'tiktok', status: 'expiring', expiresAt: NOW + 3 * DAY }),
  row('Clip 2', { network: 'tiktok', status: 'expiring', expiresAt: NOW + 3 * DAY + 3600_000 }),
  row('Fern Kitchen TV', { network: 'youtube', expiresAt: NOW + 20 * DAY, renewByPolicy: true }),
  row('Far away', { expiresAt: NOW + 200 * DAY }),
  row('Fern on X', { network: 'x', status: 'no-expiry' }),
];

describe('What lapses when (the timeline)', () => {
  it('a mark per network and day within 90 days, expired ones before today, policy dates told apart', () => {
    const strips = lapseMarks(rows, NOW);
    expect([...strips.keys()].sort()).toEqual(['facebook', 'tiktok', 'youtube']);
    const [fb] = strips.get('facebook')!;
    expect(fb!.rows.map((r) => r.id)).toEqual(['Fern Harbour']);
    expect(fb!.at).toBeLessThan(todayAt());
    const [tiktok] = strips.get('tiktok')!;
    expect(tiktok!.rows).toHaveLength(2);
    expect(tiktok!.at).toBeGreaterThan(todayAt());
    expect(strips.get('youtube')![0]!.policy).toBe(true);
  });

  it('draws today as a line, each mark named, and a click opens the profile', () => {
    const opened: string[] = [];
    const { container } = render(<LapseTimeline rows={rows} now={NOW} onOpen={(id) => opened.push(id)} />);
    expect(container.querySelectorAll('.lapse-strip')).toHaveLength(3);
    expect(container.querySelectorAll('.lapse-today')).toHaveLength(3);
    fireEvent.click(screen.getByRole('button', { name: 'TikTok, 29 Nov 2026: 2 profiles: Clip 1, Clip 2' }));
    fireEvent.click(screen.getByRole('button', { name: 'Facebook, 24 Nov 2026: Fern Harbour' }));
    expect(opened).toEqual(['Clip 1', 'Fern Harbour']);
    expect(container.querySelector('.lapse-policy')!.getAttribute('aria-label')).toBe('YouTube, 16 Dec 2026: Fern Kitchen TV');
  });

  it('shows nothing when nothing lapses', () => {
    expect(render(<LapseTimeline rows={[rows[5]!]} now={NOW} onOpen={() => undefined} />).container.innerHTML).toBe('');
  });
});
