import { batchWriter } from '@/utils/pool';

describe('batchWriter', () => {
  it('writes full batches as they fill, one at a time, and the rest on close', async () => {
    const writes: number[][] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    const w = batchWriter<number>(3, async (batch) => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((r) => setTimeout(r, 5));
      writes.push(batch);
      inFlight -= 1;
    });
    for (let i = 0; i < 8; i += 1) w.push(i); // never waits for a write
    expect(writes).toEqual([]);
    await w.close();
    expect(writes).toEqual([
      [0, 1, 2],
      [3, 4, 5],
      [6, 7],
    ]);
    expect(maxInFlight).toBe(1);
  });

  it('a failed batch does not stop the next ones; close reports the first failure', async () => {
    const written: number[][] = [];
    const w = batchWriter<number>(2, (batch) => {
      if (batch[0] === 0) return Promise.reject(new Error('QuotaExceededError'));
      written.push(batch);
      return Promise.resolve();
    });
    [0, 1, 2, 3, 4].forEach((i) => w.push(i));
    await expect(w.close()).rejects.toThrow('QuotaExceededError');
    expect(written).toEqual([[2, 3], [4]]);
  });

  it('writes a partial batch after maxWaitMs, so a producer stopped early keeps what it had', async () => {
    const writes: number[][] = [];
    const w = batchWriter<number>(
      100,
      (batch) => {
        writes.push(batch);
        return Promise.resolve();
      },
      20,
    );
    w.push(1);
    w.push(2);
    await new Promise((r) => setTimeout(r, 40));
    expect(writes).toEqual([[1, 2]]);
    w.push(3);
    await w.close();
    expect(writes).toEqual([[1, 2], [3]]);
  });
});
