import { fireEvent, render, screen } from '@testing-library/preact';
import { SetupChecklist } from '@/components/SetupChecklist';
import { setLang } from '@/utils/i18n/index';
import { settingsSchema } from '@/utils/settings';
import { setupLines } from '@/utils/setup-lines';

const settings = settingsSchema.parse({
  version: 2,
  networks: {
    facebook: { clientId: 'app-1', exchangeUrl: 'https://tokens.example.org/x' },
    x: { clientId: 'x-app' },
    youtube: { clientId: 'g' },
  },
});
const lines = setupLines(settings, false, { facebook: true, x: false }, [
  { network: 'facebook' },
  { network: 'facebook' },
  { network: 'x' },
]);
const states = (container: Element, network: string) =>
  [...container.querySelectorAll(`li[data-network="${network}"] .setup-state`)].map((s) => s.textContent.replace(/\s+/g, ' ').trim());

describe('The setup checklist', () => {
  afterEach(() => setLang('en'));

  it('has one line per network with client ID, hub or exchange, access and profiles tracked', () => {
    const { container } = render(<SetupChecklist lines={lines} tests={{}} onTest={() => undefined} />);
    expect(container.querySelectorAll('li.setup-line')).toHaveLength(9);
    expect(states(container, 'facebook')).toEqual(['✓ yes: Client ID', '✓ yes: Token exchange', '✓ yes: Access']);
    expect(states(container, 'youtube')).toEqual(['✓ yes: Client ID', '✗ missing: Token exchange', '… Access']);
    expect(states(container, 'x')).toEqual(['✓ yes: Client ID', '✓ yes: No secret needed', '✗ missing: Access']);
    expect(states(container, 'tiktok')[0]).toBe('✗ missing: Client ID');
    expect(container.querySelector('li[data-network="facebook"] .setup-profiles')!.textContent).toBe('2 profiles');
    expect(container.querySelector('li[data-network="x"] .setup-profiles')!.textContent).toBe('1 profile');
  });

  it('in hub mode the hub covers the client ID and the exchange', () => {
    const hub = setupLines(settings, true, {}, []);
    expect(hub.every((l) => l.clientId && l.server === 'hub')).toBe(true);
  });

  it('Test runs for its network and says what fails; details open on demand', () => {
    const tested: string[] = [];
    const { container, rerender } = render(<SetupChecklist lines={lines} tests={{}} onTest={(n) => tested.push(n)} />);
    fireEvent.click(container.querySelector('li[data-network="youtube"] .setup-test')!);
    expect(tested).toEqual(['youtube']);
    rerender(
      <SetupChecklist
        lines={lines}
        tests={{
          youtube: [
            { step: 'clientId', ok: true },
            { step: 'server', ok: false },
            { step: 'hosts', ok: true },
            { step: 'authorize', ok: false, detail: 'HTTP 400' },
          ],
        }}
        onTest={() => undefined}
      />,
    );
    const result = [...container.querySelectorAll('li[data-network="youtube"] .setup-result li')].map((l) => l.textContent);
    expect(result[1]).toContain('✗ YouTube needs a client secret for the code exchange');
    expect(result[3]).toBe(
      '✗ The YouTube sign-in page refused the app or could not be reached (HTTP 400): check the client ID and the base URL.',
    );
    const more = container.querySelector<HTMLElement>('#setup-more-tiktok')!;
    expect(more.hidden).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'TikTok' }));
    expect(more.hidden).toBe(false);
    expect(more.textContent).toContain('No client ID: register an app on TikTok');
  });

  it('opens the line the popup sent a person to, and speaks French', () => {
    setLang('fr');
    const { container } = render(<SetupChecklist lines={lines} tests={{}} onTest={() => undefined} initiallyOpen="tiktok" />);
    expect(container.querySelector<HTMLElement>('#setup-more-tiktok')!.hidden).toBe(false);
    expect(container.querySelector('li[data-network="facebook"] .setup-profiles')!.textContent).toBe('2 profils');
    expect(container.querySelector('li[data-network="x"] .setup-profiles')!.textContent).toBe('1 profil');
  });
});
