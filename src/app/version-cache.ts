import type { Store } from '../db/store';

/**
 * Answers kept under a key that names the version of what they were computed from, so an
 * entry is never stale and every instance, computing the same key from the same database,
 * agrees with every other: a changed database is a new key, not an invalidation. One map per
 * store (each test's server has its own); the least recently used entries go past `limit`.
 * A computation under way is shared by everyone asking for its key; a failed one is not kept.
 */
export function versionCache<T>(limit: number) {
  const caches = new WeakMap<Store, Map<string, Promise<T>>>();
  return function cached(store: Store, key: string, compute: () => Promise<T>): Promise<T> {
    let cache = caches.get(store);
    if (!cache) caches.set(store, (cache = new Map()));
    let answer = cache.get(key);
    if (answer) {
      cache.delete(key);
    } else {
      answer = compute();
      answer.catch(() => cache.delete(key));
    }
    cache.set(key, answer);
    if (cache.size > limit) cache.delete(cache.keys().next().value!);
    return answer;
  };
}
