import { fireEvent, render, screen } from '@testing-library/preact';
import { SettingsForm } from '@/components/SettingsForm';
import { NETWORK_IDS } from '@/utils/networks/catalog';
import { DEFAULT_SETTINGS, settingsSchema } from '@/utils/settings';

describe('SettingsForm', () => {
  it('says which networks need a token-exchange URL, and that X does not', () => {
    const settings = settingsSchema.parse({ version: 2, networks: { facebook: { clientId: 'a', exchangeUrl: 'https://t.example/x' } } });
    const { container } = render(<SettingsForm settings={settings} supported={[...NETWORK_IDS]} onSave={() => undefined} />);
    const needing = [...container.querySelectorAll('[data-needs-exchange]')].map((n) => n.getAttribute('data-needs-exchange'));
    expect(needing).toEqual(['youtube', 'threads', 'instagram', 'google-business', 'linkedin', 'pinterest', 'tiktok']);
    expect(screen.getByText('X (Twitter) is a public client (PKCE): no token-exchange URL is needed.')).toBeTruthy();
  });

  it('keeps each network’s fields closed until asked (the checklist above gives the state)', () => {
    const { container } = render(<SettingsForm settings={DEFAULT_SETTINGS} supported={[...NETWORK_IDS]} onSave={() => undefined} />);
    const networks = [...container.querySelectorAll<HTMLDetailsElement>('details.net-settings')];
    expect(networks.map((d) => d.id)).toEqual(NETWORK_IDS.map((id) => `net-${id}`));
    expect(networks.every((d) => !d.open)).toBe(true);
  });

  it('gives every control a label and saves what was typed', () => {
    let saved: unknown;
    render(<SettingsForm settings={DEFAULT_SETTINGS} supported={['tiktok']} onSave={(s) => (saved = s)} />);
    fireEvent.input(screen.getByLabelText('OAuth client ID'), { target: { value: ' aw123 ' } });
    fireEvent.input(screen.getByLabelText("Token-exchange URL (your organisation's backend; holds the client secret)"), {
      target: { value: 'https://tokens.example.org/exchange' },
    });
    fireEvent.click(screen.getByText('Save settings'));
    expect(saved).toMatchObject({
      networks: { tiktok: { clientId: 'aw123', exchangeUrl: 'https://tokens.example.org/exchange', baseUrl: '' } },
    });
  });
});

describe('SettingsForm: history limits', () => {
  it('edits the days of history recoverable per network (empty = the catalog default)', () => {
    let saved: { historyLimits: Record<string, number | undefined> } | undefined;
    render(<SettingsForm settings={DEFAULT_SETTINGS} supported={['youtube']} onSave={(s) => (saved = s)} />);
    fireEvent.input(screen.getByLabelText('Days of history recoverable after a gap (default 7)'), { target: { value: '5' } });
    fireEvent.click(screen.getByText('Save settings'));
    expect(saved!.historyLimits).toEqual({ youtube: 5 });
  });
});
