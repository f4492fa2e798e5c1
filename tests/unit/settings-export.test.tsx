import { fireEvent, render, screen } from '@testing-library/preact';
import { SettingsFile } from '@/components/SettingsFile';
import { DEFAULT_SETTINGS, keepAbsentWebhooks, parseSettingsFile, serializeSettings, type Settings } from '@/utils/settings';

const SLACK = 'https://hooks.slack.com/services/T0/B0/xoxb-secret-part';
const HOOK = 'https://ntfy.sh/my-private-topic';
const withHooks: Settings = { ...DEFAULT_SETTINGS, channels: { ...DEFAULT_SETTINGS.channels, slackUrl: SLACK, webhookUrl: HOOK } };

describe('Slack and webhook URLs are credentials in the settings file', () => {
  it('an export leaves them out unless asked', () => {
    const text = serializeSettings(withHooks);
    expect(text).not.toContain('hooks.slack.com');
    expect(text).not.toContain('ntfy.sh');
    expect(JSON.parse(text)).toMatchObject({ channels: { notifications: true, startupWarning: false } });
    const full = serializeSettings(withHooks, { includeWebhooks: true });
    expect(parseSettingsFile(full)).toEqual({ ok: true, value: withHooks });
  });

  it('importing a file exported without them keeps the ones already set; a file that names them wins', () => {
    const without = serializeSettings({ ...withHooks, polling: { intervalMinutes: 5 } });
    const parsed = parseSettingsFile(without);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(keepAbsentWebhooks(without, parsed.value, withHooks).channels).toMatchObject({ slackUrl: SLACK, webhookUrl: HOOK });
    const cleared = JSON.stringify({ version: 2, channels: { slackUrl: '' } });
    const parsedCleared = parseSettingsFile(cleared);
    if (!parsedCleared.ok) throw new Error(parsedCleared.message);
    expect(keepAbsentWebhooks(cleared, parsedCleared.value, withHooks).channels).toMatchObject({ slackUrl: '', webhookUrl: HOOK });
  });

  it('the options page exports without them until "include webhook URLs" is ticked', () => {
    const calls: boolean[] = [];
    render(<SettingsFile onExport={(include) => calls.push(include)} onImport={() => undefined} />);
    const exportButton = screen.getByRole('button', { name: 'Export settings' });
    fireEvent.click(exportButton);
    fireEvent.click(screen.getByLabelText(/Include the Slack and webhook URLs/));
    fireEvent.click(exportButton);
    expect(calls).toEqual([false, true]);
  });
});
