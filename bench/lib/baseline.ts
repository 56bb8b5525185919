import { freePort } from './port';
import { type ServerProcess, startServer } from './server-process';

export interface RunningBaseline {
  server: ServerProcess;
  /** The one route: ~2 kB of JSON from memory. */
  url: string;
  stop(): Promise<string>;
}

/** Starts bench/baseline-server.ts on a free port. */
export async function startBaseline(): Promise<RunningBaseline> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/baseline`;
  const server = await startServer({
    name: 'baseline',
    file: 'bench/baseline-server.ts',
    env: { PORT: String(port) },
    readyUrl: url,
  });
  return { server, url, stop: () => server.stop() };
}
