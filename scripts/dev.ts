/**
 * `npm run dev`: the API server (restarting on change) and the Vite dev server
 * (hot reload, proxying /api, /health, /metrics, /docs and /ws to the API) side by side.
 * Ctrl+C stops both; if either exits, the other is stopped too.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '..');
const bin = (name: string) => path.join(repoRoot, 'node_modules', '.bin', name);

const children: { name: string; child: ChildProcess }[] = [
  {
    name: 'server',
    child: spawn(bin('tsx'), ['watch', 'server/main.ts'], { cwd: repoRoot, stdio: 'inherit' }),
  },
  {
    name: 'web',
    child: spawn(bin('vite'), ['--config', 'web/vite.config.ts'], {
      cwd: repoRoot,
      stdio: 'inherit',
    }),
  },
];

let shuttingDown = false;

function stopAll(signal: NodeJS.Signals): void {
  for (const { child } of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  }
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    shuttingDown = true;
    stopAll(signal);
  });
}

let running = children.length;

function onChildDone(name: string, code: number | null, signal: NodeJS.Signals | null): void {
  running -= 1;
  if (!shuttingDown) {
    shuttingDown = true;
    process.stderr.write(`dev: ${name} exited (${signal ?? `code ${code}`}); stopping the rest.\n`);
    if (code !== 0) process.exitCode = code ?? 1;
    stopAll('SIGTERM');
  }
  if (running === 0) process.exit();
}

for (const { name, child } of children) {
  child.on('error', (error) => {
    process.stderr.write(`dev: ${name}: ${error.message}\n`);
    // A child that never started emits no 'exit'.
    if (child.pid === undefined) onChildDone(name, 1, null);
  });
  child.on('exit', (code, signal) => {
    onChildDone(name, code, signal);
  });
}
