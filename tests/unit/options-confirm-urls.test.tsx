import { render, screen } from '@testing-library/preact';
import { ConfirmUrls } from '@/components/ConfirmUrls';
import { createOptionsModel } from '@/entrypoints/options/model';
import type { PageStore } from '@/utils/pages/page-store';
import { fakeCommands } from './support/fake-commands';
import type { UrlChange } from '@/utils/url-policy';

const CHANGES: UrlChange[] = [
  {
    field: 'networks.facebook.exchangeUrl',
    label: 'Facebook token-exchange URL',
    from: 'https://tokens.example.org/x',
    to: 'https://collect.evil.example/t',
  },
  { field: 'networks.tiktok.baseUrl', label: 'TikTok endpoint base URL', from: '', to: 'https://collect.evil.example/t' },
];

const store: PageStore = {
  all: () => Promise.resolve([]),
  get: () => Promise.resolve(undefined),
  between: () => Promise.resolve([]),
  newest: () => Promise.resolve([]),
  onChange: () => () => undefined,
  close: () => undefined,
};

function setup(grant: boolean) {
  const events: unknown[] = [];
  const answer = (name: string, payload: { confirmed?: string[] }) => {
    events.push({ name, confirmed: payload.confirmed });
    return payload.confirmed ? { ok: true as const } : { ok: false as const, message: 'confirm', confirm: CHANGES };
  };
  const { command } = fakeCommands({
    saveSettings: (p) => answer('saveSettings', p),
    importSettings: (p) => answer('importSettings', p),
  });
  const model = createOptionsModel({
    store,
    command,
    requestHosts: (origins) => (events.push({ asked: origins }), Promise.resolve(grant)),
    download: () => undefined,
  });
  return { model, events };
}

describe('options: a settings file that moves token URLs waits for the person', () => {
  it('shows each change old host → new host, and applies nothing until Confirm', async () => {
    const { model, events } = setup(true);
    await model.importText('{"version":2}');
    expect(model.pendingUrls.value?.changes).toEqual(CHANGES);
    expect(events).toEqual([{ name: 'importSettings', confirmed: undefined }]);
    render(<ConfirmUrls changes={CHANGES} onConfirm={() => void model.confirmUrls()} onCancel={() => model.cancelUrls()} />);
    expect(screen.getByText(/Facebook token-exchange URL/).textContent).toBe(
      'Facebook token-exchange URL: tokens.example.org → collect.evil.example',
    );
    expect(screen.getByText(/TikTok endpoint base URL/).textContent).toBe(
      "TikTok endpoint base URL: the network's own servers → collect.evil.example",
    );
  });

  it('Confirm asks the browser for the new host first, then sends the change with its confirmation', async () => {
    const { model, events } = setup(true);
    await model.importText('{"version":2}');
    await model.confirmUrls();
    expect(events).toEqual([
      { name: 'importSettings', confirmed: undefined },
      { asked: ['https://collect.evil.example/*'] },
      {
        name: 'importSettings',
        confirmed: [
          'networks.facebook.exchangeUrl=https://collect.evil.example/t',
          'networks.tiktok.baseUrl=https://collect.evil.example/t',
        ],
      },
    ]);
    expect(model.message.value).toEqual({ tone: 'ok', text: 'Settings imported.' });
    expect(model.pendingUrls.value).toBeNull();
  });

  it('a host the browser was refused access to applies nothing and is named', async () => {
    const { model, events } = setup(false);
    await model.importText('{"version":2}');
    await model.confirmUrls();
    expect(events).toHaveLength(2);
    expect(model.message.value).toEqual({ tone: 'bad', text: 'Not applied: the browser did not grant access to collect.evil.example.' });
  });

  it('Cancel applies nothing', async () => {
    const { model, events } = setup(true);
    await model.importText('{"version":2}');
    model.cancelUrls();
    expect(events).toHaveLength(1);
    expect(model.pendingUrls.value).toBeNull();
    expect(model.message.value).toEqual({ tone: 'ok', text: 'Nothing was changed.' });
  });
});
