import { waitFor } from './support/chromium';
import { popupRows } from './support/extension';
import { openSession, type Session } from './support/session';

describe('Connect: choose which pages to track; already-tracked ones are marked', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openSession();
  });
  afterAll(() => s?.close());

  it('tracks the ticked pages only, and marks those already tracked on the next connect', async () => {
    const pages = [
      { id: '901', name: 'Café', tasks: ['MANAGE'] },
      { id: '902', name: 'Bakery', tasks: ['MANAGE'] },
      { id: '903', name: 'Catering', tasks: ['MANAGE'] },
    ];
    const account = s.sandbox.state.addAccount({ network: 'facebook', name: 'Alex', pages });
    const popup = await s.ext.openPage('popup.html');
    await popup.waitForSelector('#connect-network');
    await popup.select('#connect-network', 'facebook');
    await popup.click('form.connect button[type=submit]');
    await popup.waitForSelector('form.chooser');
    expect(await popup.$$eval('form.chooser label', (l) => l.map((x) => x.textContent?.trim()))).toEqual(['Café', 'Bakery', 'Catering']);
    await popup.click('form.chooser label:nth-of-type(2) input');
    await popup.click('form.chooser button[type=submit]');
    await waitFor(async () => (await popupRows(popup)).length === 2, 'two tracked');
    expect((await popupRows(popup)).map((r) => r.name).sort()).toEqual(['Café', 'Catering']);

    account.pages.push({ id: '904', name: 'Deli', tasks: ['MANAGE'] });
    await popup.click('form.connect button[type=submit]');
    await popup.waitForSelector('form.chooser');
    const labels = await popup.$$eval('form.chooser label', (l) =>
      l.map((x) => ({ text: x.textContent?.trim(), disabled: (x.querySelector('input') as HTMLInputElement).disabled })),
    );
    expect(labels).toEqual([
      { text: 'Café (already tracked)', disabled: true },
      { text: 'Bakery', disabled: false },
      { text: 'Catering (already tracked)', disabled: true },
      { text: 'Deli', disabled: false },
    ]);
    await popup.click('form.chooser button[type=submit]');
    await waitFor(async () => (await popupRows(popup)).length === 4, 'all four tracked');
  });
});
