import type { JobRecord } from '../domain';
import type { ListHead } from '../list-head';
import type { WardenDb } from './schema';

/** "Try renewing all": the job as it starts (progress and summary are read live by the popup). */
export async function startJob(db: WardenDb, job: JobRecord): Promise<void> {
  await db.jobs.put(job);
}

export async function updateJob(db: WardenDb, id: string, changes: Partial<JobRecord>): Promise<void> {
  await db.jobs.update(id, changes);
}

export async function cancelRequested(db: WardenDb, id: string): Promise<boolean> {
  return (await db.jobs.get(id))?.cancelRequested === true;
}

/** The list's head for the popup's first render (after a change, kept by the background). */
export async function storeListHead(db: WardenDb, head: ListHead): Promise<void> {
  await db.snapshots.put(head);
}
