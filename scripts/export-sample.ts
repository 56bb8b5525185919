/**
 * Writes the demo workspace's battlecards as exported files, to look at them (and to render
 * docs/images/battlecard-export.png: `pdftoppm -png -r 80 -f 1 -l 1 <pdf> docs/images/...`).
 *
 *   npx tsx scripts/export-sample.ts /tmp/exports
 *
 * Runs the real app on a throwaway database: seeds the demo, signs in as its owner, and
 * downloads every card in each format and audience through the HTTP API.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { AuthResponse } from '../common/auth';
import type { BattlecardSummary } from '../common/battlecards';
import type { Page } from '../common/pagination';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { buildApp } from '../server/app';
import { loadConfig } from '../server/config';
import { createLogger } from '../server/lib/logger';
import { seedDemoWorkspace } from '../server/modules/demo/demo.service';
import { closeServices, createServices } from '../server/services';

const outDir = path.resolve(process.argv[2] ?? 'exports-sample');
const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ringside-export-sample-'));
const config = loadConfig({
  NODE_ENV: 'development',
  LOG_LEVEL: 'warn',
  DATA_DIR: dataDir,
  JWT_SECRET: randomBytes(48).toString('base64url'),
});
const services = await createServices(config, createLogger(config.logLevel));
await services.database.migrate();
const app = await buildApp(services);
await app.ready();
const test = { app, services };
try {
  const signIn = await seedDemoWorkspace(test.services);
  if (!signIn) throw new Error('the demo workspace was not created');
  const login = await test.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email: signIn.email, password: signIn.password },
  });
  const { accessToken } = login.json<AuthResponse>();
  const headers = { authorization: `Bearer ${accessToken}` };
  const cards = await test.app.inject({ method: 'GET', url: '/api/v1/battlecards', headers });
  await mkdir(outDir, { recursive: true });
  for (const card of cards.json<Page<BattlecardSummary>>().items) {
    for (const format of ['pdf', 'docx', 'md']) {
      for (const audience of ['all', 'shareable']) {
        const res = await test.app.inject({
          method: 'GET',
          url: `/api/v1/battlecards/${card.id}/export/${format}?audience=${audience}`,
          headers,
        });
        if (res.statusCode !== 200) throw new Error(`${card.title}: ${res.statusCode} ${res.body}`);
        const name = /filename="([^"]+)"/.exec(String(res.headers['content-disposition']))![1]!;
        await writeFile(path.join(outDir, name), res.rawPayload);
        console.log(path.join(outDir, name));
      }
    }
  }
} finally {
  await app.close();
  await closeServices(services);
  await rm(dataDir, { recursive: true, force: true });
}
