import { fireEvent, render, screen } from '@testing-library/preact';
import { Inbox, InboxButton } from '@/components/Inbox';
import type { InboxRecord } from '@/utils/db/schema';

const entry = (id: number, read: 0 | 1): InboxRecord => ({
  id,
  profileId: `facebook:${id}`,
  title: `Page ${id} expires within 3 days`,
  createdAt: Date.UTC(2026, 10, 26),
  read,
});

describe('The inbox', () => {
  it('is a count in the header that opens it', () => {
    let toggled = 0;
    const { rerender, container } = render(<InboxButton unread={7} open={false} onToggle={() => (toggled += 1)} />);
    const button = screen.getByRole('button', { name: 'Inbox: 7 unread' });
    expect(container.querySelector('.inbox-count')!.textContent).toBe('7');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(button);
    expect(toggled).toBe(1);
    rerender(<InboxButton unread={1} open onToggle={() => undefined} />);
    expect(screen.getByRole('button', { name: 'Inbox: 1 unread' }).getAttribute('aria-expanded')).toBe('true');
  });

  it('lists the entries; one opens its profile; Close goes back to the list', () => {
    const opened: number[] = [];
    let closed = false;
    render(
      <Inbox
        entries={[entry(1, 0), entry(2, 1)]}
        unread={1}
        onOpen={(e) => opened.push(e.id!)}
        onMarkAllRead={() => undefined}
        onClose={() => (closed = true)}
      />,
    );
    fireEvent.click(screen.getByText('Page 2 expires within 3 days'));
    expect(opened).toEqual([2]);
    expect(screen.getByText('Mark all read')).toBeTruthy();
    fireEvent.click(screen.getByText('Close'));
    expect(closed).toBe(true);
  });
});
