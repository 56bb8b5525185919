/** The server's slow-request lines, counted by route with their longest time. */
export function slowAnswers(output: string): string {
  const byRoute = new Map<string, { n: number; max: number }>();
  for (const line of output.split('\n')) {
    if (!line.includes('"slow request"')) continue;
    try {
      const { route, ms } = JSON.parse(line) as { route: string; ms: number };
      const entry = byRoute.get(route) ?? { n: 0, max: 0 };
      byRoute.set(route, { n: entry.n + 1, max: Math.max(entry.max, ms) });
    } catch {
      // not a JSON line
    }
  }
  return [...byRoute]
    .map(([route, { n, max }]) => `${route} ${n}× (max ${(max / 1000).toFixed(1)} s)`)
    .join(', ');
}
