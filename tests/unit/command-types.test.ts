import type { CommandHandlers } from '@/utils/messages';
import { fakeCommands } from './support/fake-commands';

/**
 * The command door is typed from its schemas on both sides. The `@ts-expect-error` lines are the
 * proof: `npm run check` fails if a handler of the wrong shape ever compiles again.
 */
describe('the command door is typed on both sides', () => {
  it('a handler returning another shape, or reading another payload, does not compile', () => {
    // @ts-expect-error `checked` is a number in pollNow's result schema
    const wrongResult: CommandHandlers<null>['pollNow'] = () => Promise.resolve({ checked: 'all' });
    // @ts-expect-error renew's payload has a profileId, not a network
    const wrongPayload: CommandHandlers<null>['renew'] = (_deps, p) => Promise.resolve({ kind: 'cancelled', network: p.network });
    const right: CommandHandlers<null>['pollNow'] = () => Promise.resolve({ checked: 3 });
    expect([wrongResult, wrongPayload, right]).toHaveLength(3);
  });

  it('the fake background parses results with the real schemas: a bad answer is refused, not trusted', async () => {
    const { command } = fakeCommands({ pollNow: () => ({ checked: 1.5 }) });
    await expect(command('pollNow', {})).rejects.toThrow();
    const ok = fakeCommands({ pollNow: () => ({ checked: 2 }) });
    await expect(ok.command('pollNow', {})).resolves.toEqual({ checked: 2 });
    expect(ok.sent).toEqual([{ name: 'pollNow', payload: {} }]);
  });
});
