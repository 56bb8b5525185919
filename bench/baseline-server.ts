import Fastify from 'fastify';

/**
 * The yardstick: bare Fastify (the same package Ringside uses), one route returning a ~2 kB
 * JSON document held in memory. No plugins, no logging, no hooks.
 */
const DOCUMENT = {
  id: 'baseline',
  title: 'A battlecard-sized JSON document held in memory',
  updatedAt: '2026-01-01T00:00:00.000Z',
  items: Array.from({ length: 13 }, (_, i) => ({
    id: i + 1,
    name: `Competitor ${i + 1}`,
    summary: 'Strong on price, weak on integrations; wins deals under 50 seats.',
    tags: ['pricing', 'integrations'],
  })),
};

const app = Fastify({ logger: false });
app.get('/baseline', () => DOCUMENT);

const port = Number(process.env.PORT ?? 3100);
await app.listen({ port, host: '127.0.0.1' });

const close = () => void app.close().then(() => process.exit(0));
process.on('SIGTERM', close);
process.on('SIGINT', close);
