import { fireEvent, render, screen } from '@testing-library/preact';
import { ReminderSettings } from '@/components/ReminderSettings';
import { formatDays, parseDays } from '@/utils/reminders/thresholds-text';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings';

describe('thresholds text', () => {
  it('round-trips and validates', () => {
    expect(formatDays([0, 1, 7, 3])).toBe('7, 3, 1');
    expect(parseDays('7, 3 1;14', true)).toEqual({ ok: true, value: [14, 7, 3, 1, 0] });
    expect(parseDays('', true)).toEqual({ ok: true, value: [0] });
    expect(parseDays('', false)).toMatchObject({ ok: false });
    expect(parseDays('2.5', false)).toMatchObject({ ok: false, message: 'Use whole numbers of days from 1 to 365, separated by commas.' });
    expect(parseDays('400', false)).toMatchObject({ ok: false });
  });
});

describe('ReminderSettings', () => {
  const profiles = [
    { id: 'facebook:1', name: 'Blue Fern Café', network: 'facebook' as const },
    { id: 'x:2', name: 'Fern on X', network: 'x' as const },
  ];

  it('saves thresholds, channels and per-profile overrides in one document', () => {
    let saved: Settings | undefined;
    render(<ReminderSettings settings={DEFAULT_SETTINGS} profiles={profiles} onSave={(s) => (saved = s)} onSendTest={() => undefined} />);
    fireEvent.input(screen.getByLabelText('Days before expiry (comma-separated)'), { target: { value: '14, 3' } });
    fireEvent.click(screen.getByLabelText('Show me tokens at risk every time I start the browser'));
    fireEvent.input(screen.getByLabelText('Slack incoming-webhook URL'), { target: { value: 'https://hooks.slack.com/services/T/B/x' } });
    fireEvent.click(screen.getByLabelText('Set by profile'));
    fireEvent.click(screen.getByLabelText('Mute Blue Fern Café (Facebook)'));
    fireEvent.change(screen.getByLabelText('Days before expiry for Fern on X (X (Twitter))'), { target: { value: '30' } });
    fireEvent.click(screen.getByText('Save reminders'));
    expect(saved).toMatchObject({
      reminders: {
        thresholds: [14, 3, 0],
        mode: 'per-profile',
        profiles: { 'facebook:1': { muted: true }, 'x:2': { thresholds: [30, 0] } },
      },
      channels: { notifications: true, startupWarning: true, slackUrl: 'https://hooks.slack.com/services/T/B/x', webhookUrl: '' },
    });
  });

  it('refuses invalid days with a message and saves nothing', () => {
    let saved = false;
    render(<ReminderSettings settings={DEFAULT_SETTINGS} profiles={profiles} onSave={() => (saved = true)} onSendTest={() => undefined} />);
    fireEvent.input(screen.getByLabelText('Days before expiry (comma-separated)'), { target: { value: 'soon' } });
    fireEvent.click(screen.getByText('Save reminders'));
    expect(saved).toBe(false);
    expect(screen.getByRole('alert').textContent).toBe('Use whole numbers of days from 1 to 365, separated by commas.');
  });

  it('"Send test" sends to the URL being typed', () => {
    const sent: string[] = [];
    render(
      <ReminderSettings settings={DEFAULT_SETTINGS} profiles={[]} onSave={() => undefined} onSendTest={(c, u) => sent.push(`${c} ${u}`)} />,
    );
    const buttons = screen.getAllByText<HTMLButtonElement>('Send test');
    expect(buttons.every((b) => b.disabled)).toBe(true);
    fireEvent.input(screen.getByLabelText('Webhook URL (JSON POST: ntfy, an e-mail relay…)'), {
      target: { value: 'https://ntfy.sh/fern' },
    });
    fireEvent.click(screen.getAllByText('Send test')[1]!);
    expect(sent).toEqual(['webhook https://ntfy.sh/fern']);
  });
});
