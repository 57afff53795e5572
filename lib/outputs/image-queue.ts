// The preview's photo work done in the background (lib/outputs/images.ts), kept in the build
// session across rebuilds.
/**
 * Photos to encode in the background, by cache key, across the loads of one preview session
 * (lib/build/session.ts): a load that finds a photo already queued or on its way does not
 * add it again. Work is queued during a build and started when the build has written its
 * pages (startBackgroundImages): the encoder uses every core, and the save's own pages come
 * first. A key whose work failed is kept with its error, so the next load does it in the open
 * and the problem is reported as in any build.
 */
export type PendingImages = Map<string, { run: () => Promise<void>; started?: boolean; failed?: unknown }>;

/**
 * Starts the queued work (the preview calls it after each build); each job leaves the queue
 * when done, and `finished` is told, so the preview can rebuild with the real picture (or,
 * after a failure, do the work in the open and report it).
 */
export function startBackgroundImages(pending: PendingImages, finished: () => void): void {
  for (const [key, job] of pending) {
    if (job.started) continue;
    job.started = true;
    job
      .run()
      .then(
        () => void pending.delete(key),
        (err: unknown) => void (job.failed = err ?? new Error("background image work failed")),
      )
      .finally(finished);
  }
}

/** Queues work once per key; false when the key's earlier work failed (the caller then does it now). */
export function queue(pending: PendingImages, key: string, run: () => Promise<unknown>): boolean {
  const job = pending.get(key);
  if (job?.failed) return false;
  if (!job) pending.set(key, { run: async () => void (await run()) });
  return true;
}
