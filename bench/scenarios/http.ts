import { startBaseline } from '../lib/baseline';
import { startAll } from '../lib/start-all';
import { measure } from '../lib/measure';
import { startRingside } from '../lib/ringside';
import type { ResultRow, Scenario } from '../lib/scenario';

/**
 * The HTTP floor: bare Fastify serving 2 kB from memory, against Ringside's liveness route
 * (its full hook/plugin stack, no database) and readiness route (queries the database on
 * every request).
 */
export const httpScenario: Scenario = {
  name: 'http',
  description: 'bare Fastify vs Ringside /health and /health/ready',
  async run(context) {
    const notes: string[] = [];
    const rows: ResultRow[] = [];
    context.log('  starting baseline and ringside servers');
    const [baseline, ringside] = await startAll(startBaseline(), startRingside());
    try {
      notes.push(`ringside mode: ${ringside.mode}`);
      for (const connections of context.connections) {
        const targets = [
          {
            server: baseline.server,
            target: 'baseline /baseline',
            url: baseline.url,
            baseline: true,
          },
          {
            server: ringside.server,
            target: 'ringside /health',
            url: `${ringside.baseUrl}/health`,
          },
          {
            server: ringside.server,
            target: 'ringside /health/ready',
            url: `${ringside.baseUrl}/health/ready`,
          },
        ];
        for (const t of targets) rows.push(await measure(context, { ...t, connections }, notes));
      }
    } finally {
      const exits = await Promise.all([baseline.stop(), ringside.stop()]);
      exits.forEach((exit, i) => {
        if (exit !== 'code 0') notes.push(`${i === 0 ? 'baseline' : 'ringside'} stopped: ${exit}`);
      });
    }
    return { rows, notes };
  },
};
