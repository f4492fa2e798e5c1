import type { JobRecord } from '@/utils/db/schema';
import { cancelRequested, startJob, updateJob } from '@/utils/db/job-writes';
import { isAtRisk, profileStatus } from '@/utils/at-risk';
import type { NetworkId } from '@/utils/networks/catalog';
import type { FlowOutcome } from '@/utils/outcomes';
import type { Deps } from './deps';
import { renewProfile } from './renew';

const jobId = (network: NetworkId) => `renew-all:${network}`;

/**
 * "Try renewing all" on a network: every expired or expiring profile, one at
 * a time (each may need its own OAuth window), progress written as it goes,
 * cancellable between profiles. A profile already renewed by an earlier
 * login of the run (same grant) is not asked again.
 */
export async function renewAll(deps: Deps, network: NetworkId): Promise<JobRecord> {
  const { db } = deps;
  const atRisk = async () => {
    const profiles = await db.profiles.where('id').startsWith(`${network}:`).toArray();
    const grants = new Map((await db.grants.bulkGet(profiles.map((p) => p.grantId))).filter((g) => !!g).map((g) => [g.id, g]));
    return profiles.filter((p) => {
      const g = grants.get(p.grantId);
      return isAtRisk(profileStatus(g, deps.now()).status);
    });
  };
  const todo = (await atRisk()).sort((a, b) => a.name.localeCompare(b.name));
  const job: JobRecord = {
    id: jobId(network),
    network,
    state: 'running',
    total: todo.length,
    done: 0,
    currentProfileId: null,
    results: [],
    cancelRequested: false,
    startedAt: deps.now(),
    finishedAt: null,
  };
  await startJob(db, job);
  for (const profile of todo) {
    if (await cancelRequested(db, job.id)) {
      job.state = 'cancelled';
      break;
    }
    const stillAtRisk = (await atRisk()).some((p) => p.id === profile.id);
    const outcome: FlowOutcome = stillAtRisk ? await progress(deps, job, profile.id) : { kind: 'renewed', profiles: 1 };
    job.results.push({ profileId: profile.id, name: profile.name, outcome });
    job.done += 1;
    await updateJob(db, job.id, { done: job.done, results: job.results, currentProfileId: null });
  }
  if (job.state === 'running') job.state = 'done';
  job.finishedAt = deps.now();
  await updateJob(db, job.id, { state: job.state, finishedAt: job.finishedAt, currentProfileId: null });
  return { ...job, cancelRequested: job.state === 'cancelled' };
}

async function progress(deps: Deps, job: JobRecord, profileId: string): Promise<FlowOutcome> {
  await updateJob(deps.db, job.id, { currentProfileId: profileId });
  return renewProfile(deps, profileId);
}

export async function cancelRenewAll(deps: Deps, network: NetworkId): Promise<{ ok: true }> {
  await updateJob(deps.db, jobId(network), { cancelRequested: true });
  return { ok: true };
}

export { disconnectProfile } from './disconnect';
