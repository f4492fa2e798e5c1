import { fireEvent, render } from '@testing-library/preact';
import { SettingsFile } from '@/components/SettingsFile';

/** Sets the input's files as a browser does when a file is chosen. */
function choose(input: HTMLInputElement, file: File): void {
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

describe('SettingsFile', () => {
  it('imports a chosen file without an uncaught error, and the same file chosen twice is imported twice', async () => {
    const imported: string[] = [];
    const errors: unknown[] = [];
    const onError = (e: unknown) => {
      const event = e as { reason?: unknown; error?: unknown; message?: unknown };
      errors.push(String(event.reason ?? event.error ?? event.message ?? e));
    };
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onError);
    process.on('unhandledRejection', onError);
    try {
      const { container } = render(<SettingsFile onExport={() => undefined} onImport={(text) => imported.push(text)} />);
      const input = container.querySelector<HTMLInputElement>('#import-file')!;
      const file = new File(['{"version":2}'], 'settings.json', { type: 'application/json' });
      choose(input, file);
      await vi.waitFor(() => expect(imported).toHaveLength(1));
      expect(input.value).toBe('');
      choose(input, file);
      await vi.waitFor(() => expect(imported).toHaveLength(2));
      await new Promise((r) => setTimeout(r, 20));
      expect(imported).toEqual(['{"version":2}', '{"version":2}']);
      expect(errors).toEqual([]);
    } finally {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onError);
      process.off('unhandledRejection', onError);
    }
  });
});
