import { signal } from '@preact/signals';
import type { TestState } from '@/components/SetupChecklist';
import type { CommandClient } from '@/utils/messages';
import type { NetworkId } from '@/utils/networks/catalog';

/** The setup checklist's state: the hosts the browser granted (asked of the background) and each network's last Test. */
export function createSetupModel(command: CommandClient) {
  const hosts = signal<Partial<Record<NetworkId, boolean>> | null>(null);
  const tests = signal<Partial<Record<NetworkId, TestState>>>({});
  const refreshHosts = async () => {
    hosts.value = await command('hostAccess', {}).catch(() => null);
  };
  void refreshHosts();
  return {
    hosts,
    tests,
    refreshHosts,
    async test(network: NetworkId) {
      tests.value = { ...tests.value, [network]: 'running' };
      try {
        const { checks } = await command('testNetwork', { network });
        tests.value = { ...tests.value, [network]: checks };
      } catch (error) {
        tests.value = { ...tests.value, [network]: [{ step: 'authorize', ok: false, detail: String(error) }] };
      }
      await refreshHosts();
    },
  };
}

export type SetupModel = ReturnType<typeof createSetupModel>;
