import {
  SafeFetcher,
  type SafeFetcherOptions,
  userAgentFor,
} from '../../lib/safe-fetch/safe-fetch';
import type { Services } from '../../services';

/** One safe fetcher per process (its connection pool is shared by every check). */
const fetchers = new WeakMap<Services, SafeFetcher>();

export function fetcherFor(services: Services): SafeFetcher {
  let fetcher = fetchers.get(services);
  if (!fetcher) {
    fetcher = new SafeFetcher({
      userAgent: userAgentFor(services.version, services.config.publicUrl),
      allow: services.config.safeFetchAllow,
    });
    fetchers.set(services, fetcher);
  }
  return fetcher;
}

/** Tests: the same fetcher with tighter limits (a slow source must not take 20 s). */
export function useFetcherOptions(services: Services, options: Partial<SafeFetcherOptions>): void {
  fetchers.set(
    services,
    new SafeFetcher({
      userAgent: userAgentFor(services.version, services.config.publicUrl),
      allow: services.config.safeFetchAllow,
      ...options,
    }),
  );
}
