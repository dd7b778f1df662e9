/**
 * Marketplace calls run a few at a time (each adapter's `capabilities.concurrency`): enough to
 * hide one call's latency behind another's, few enough that the rate limiter, not a burst,
 * sets the pace.
 */

/** Runs fn over items, at most `limit` at a time. */
export async function mapConcurrent<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
