interface Stoppable {
  stop(): Promise<unknown>;
}

/**
 * Starts servers side by side; if any fails, stops the ones that did start and rethrows the
 * first failure, so none is left running.
 */
export async function startAll<T extends Stoppable[]>(
  ...starts: { [K in keyof T]: Promise<T[K]> }
): Promise<T> {
  const settled = await Promise.allSettled(starts as Promise<Stoppable>[]);
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) {
    const started = settled.filter(
      (s): s is PromiseFulfilledResult<Stoppable> => s.status === 'fulfilled',
    );
    await Promise.all(started.map((s) => s.value.stop().catch(() => {})));
    throw failed.reason;
  }
  return settled.map((s) => (s as PromiseFulfilledResult<Stoppable>).value) as T;
}
