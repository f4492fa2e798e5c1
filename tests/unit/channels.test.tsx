import { render } from '@testing-library/preact';
import { ReminderSettings } from '@/components/ReminderSettings';
import { en } from '@/utils/i18n/en';
import { fr } from '@/utils/i18n/fr';
import { CHANNEL_HOSTS, CHANNEL_LIST, channelUrl } from '@/utils/reminders/channels';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import wxtConfig from '../../wxt.config';

const message = {
  key: 'k',
  profileId: 'facebook:1',
  profileName: 'Café <&>',
  network: 'facebook' as const,
  threshold: 7,
  invalid: false,
  expiresAt: 0,
};

describe('reminder channels are one registry', () => {
  it('each channel has its settings key, its label in both languages, a reminder body and a test body', () => {
    expect(CHANNEL_LIST.map((c) => c.id)).toEqual(['slack', 'webhook']);
    for (const c of CHANNEL_LIST) {
      expect(DEFAULT_SETTINGS.channels).toHaveProperty(c.settingsKey, '');
      expect(en[c.label]).toBeTruthy();
      expect(fr[c.label]).toBeTruthy();
      expect(() => JSON.parse(c.body(message)) as unknown).not.toThrow();
      expect(() => JSON.parse(c.testBody()) as unknown).not.toThrow();
      expect(channelUrl({ ...DEFAULT_SETTINGS.channels, [c.settingsKey]: 'https://example.org/x' }, c.id)).toBe('https://example.org/x');
    }
  });

  it('the options page shows one URL field and one Send test per channel, from the list', () => {
    const view = render(
      <ReminderSettings settings={DEFAULT_SETTINGS} profiles={[]} onSave={() => undefined} onSendTest={() => undefined} />,
    );
    for (const c of CHANNEL_LIST) expect(view.container.querySelector(`#${c.id}-url`)).not.toBeNull();
    view.unmount();
  });

  it("the manifest asks for every channel's fixed host as an optional host permission", async () => {
    const manifest = wxtConfig.manifest as (env: { browser: string; mode: string }) => { optional_host_permissions: string[] };
    const hosts = (await Promise.resolve(manifest({ browser: 'chrome', mode: 'production' }))).optional_host_permissions;
    expect(CHANNEL_HOSTS).toEqual(['https://hooks.slack.com/*']);
    for (const host of CHANNEL_HOSTS) expect(hosts).toContain(host);
  });
});
