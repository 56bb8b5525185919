import type { Logger } from '../../lib/logger';
import type { DemoSignIn } from './demo.service';

/** The sign-in as a boxed block of plain text: readable among log lines, JSON or not. */
export function demoSignInBox(signIn: DemoSignIn): string {
  const lines = [
    'Ringside demo workspace is ready',
    '',
    `Open:      ${signIn.url}`,
    `Email:     ${signIn.email}`,
    `Password:  ${signIn.password}`,
    '',
    'This password is shown once and is not stored anywhere.',
    'Change it after signing in (Settings › Account).',
    'To start a new installation without the demo, set DEMO=false.',
  ];
  const width = Math.max(...lines.map((l) => l.length));
  const rule = '─'.repeat(width + 4);
  return [`┌${rule}┐`, ...lines.map((l) => `│  ${l.padEnd(width)}  │`), `└${rule}┘`, ''].join('\n');
}

/**
 * Shows the demo sign-in to the person who ran `npm start`: printed to stdout once (the
 * password is nowhere else — not in the log, not on disk), with a log line saying so.
 */
export function announceDemoSignIn(
  signIn: DemoSignIn,
  log: Logger,
  write: (text: string) => void = (text) => process.stdout.write(text),
): void {
  log.info(
    { url: signIn.url, email: signIn.email },
    'demo workspace ready: sign in with the one-time password printed in the box on the console',
  );
  write(`\n${demoSignInBox(signIn)}\n`);
}
