import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'ringside-config-'));
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));

const SECRET = 'x'.repeat(48);

function problemsOf(env: Record<string, string>): { variable: string; message: string }[] {
  try {
    loadConfig({ DATA_DIR: dataDir, ...env });
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration', () => {
  it('starts embedded with safe defaults', () => {
    const config = loadConfig({ DATA_DIR: dataDir });
    expect(config).toMatchObject({
      mode: 'embedded',
      port: 3000,
      host: '127.0.0.1',
      databaseUrl: undefined,
      redisUrl: undefined,
      publicUrl: 'http://localhost:3000',
      logLevel: 'info',
      trustProxy: false,
      corsOrigins: [],
      ai: { provider: 'local' },
      allowSignup: true,
      demo: true,
    });
  });

  it('names every bad variable in one error', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      LOG_LEVEL: 'loud',
      DATABASE_URL: 'mysql://db/x',
      CORS_ORIGINS: 'https://ok.example.com,https://bad.example.com/path',
      ALLOW_SIGNUP: 'maybe',
    });
    expect(problems.map((p) => p.variable).sort()).toEqual(
      ['ALLOW_SIGNUP', 'CORS_ORIGINS', 'DATABASE_URL', 'LOG_LEVEL', 'PORT'].sort(),
    );
    expect(problems.find((p) => p.variable === 'PORT')?.message).toMatch(/whole number/);
    expect(problems.find((p) => p.variable === 'DATABASE_URL')?.message).toMatch(/postgres/);
    try {
      loadConfig({ DATA_DIR: dataDir, PORT: 'eighty' });
    } catch (err) {
      expect((err as Error).message).toContain('PORT: must be a whole number');
    }
  });

  it('refuses scale mode without an adequate JWT_SECRET', () => {
    expect(problemsOf({ DATABASE_URL: 'postgres://db/ringside' })).toEqual([
      expect.objectContaining({
        variable: 'JWT_SECRET',
        message: expect.stringMatching(/required/),
      }),
    ]);
    expect(problemsOf({ DATABASE_URL: 'postgres://db/ringside', JWT_SECRET: 'short' })).toEqual([
      expect.objectContaining({
        variable: 'JWT_SECRET',
        message: expect.stringMatching(/at least 32/),
      }),
    ]);
    const config = loadConfig({ DATABASE_URL: 'postgres://db/ringside', JWT_SECRET: SECRET });
    expect(config).toMatchObject({
      mode: 'scale',
      host: '0.0.0.0',
      secrets: { jwtSecret: SECRET },
    });
  });

  it('generates embedded secrets once, private to the owner, and reuses them', async () => {
    const first = loadConfig({ DATA_DIR: dataDir });
    const file = path.join(dataDir, 'secrets.json');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(first.secrets.jwtSecret.length).toBeGreaterThanOrEqual(32);
    const second = loadConfig({ DATA_DIR: dataDir });
    expect(second.secrets.jwtSecret).toBe(first.secrets.jwtSecret);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({
      jwtSecret: first.secrets.jwtSecret,
    });
  });

  it('says how to recover from a damaged secrets file', async () => {
    await writeFile(path.join(dataDir, 'secrets.json'), '{"jwtSecret":"x"}');
    expect(problemsOf({})).toEqual([
      expect.objectContaining({
        variable: 'DATA_DIR',
        message: expect.stringMatching(/delete it/),
      }),
    ]);
  });

  it('parses proxies, origins and AI settings', () => {
    expect(loadConfig({ DATA_DIR: dataDir, TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ DATA_DIR: dataDir, TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(
      loadConfig({ DATA_DIR: dataDir, TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy,
    ).toEqual(['10.0.0.0/8', '127.0.0.1']);
    expect(
      loadConfig({
        DATA_DIR: dataDir,
        CORS_ORIGINS: 'https://a.example.com, http://localhost:5173',
      }).corsOrigins,
    ).toEqual(['https://a.example.com', 'http://localhost:5173']);
    expect(
      problemsOf({ AI_PROVIDER: 'openai-compatible' })
        .map((p) => p.variable)
        .sort(),
    ).toEqual(['AI_BASE_URL', 'AI_MODEL']);
    expect(problemsOf({ AI_PROVIDER: 'skynet' })[0]?.variable).toBe('AI_PROVIDER');
    expect(
      loadConfig({ DATA_DIR: dataDir, PUBLIC_URL: 'https://ringside.example.com/' }).publicUrl,
    ).toBe('https://ringside.example.com');
  });

  it('treats empty variables as unset', () => {
    expect(
      loadConfig({ DATA_DIR: dataDir, PORT: '', REDIS_URL: '', DATABASE_URL: ' ' }),
    ).toMatchObject({
      port: 3000,
      redisUrl: undefined,
      mode: 'embedded',
    });
  });
});
