import { randomUUID } from 'node:crypto';
import { jobRun } from '../../db/schema';
import { type MatrixEnv, type MatrixRows, readable } from '../../test/access-matrix';

/** A job of workspace A, as a generation or extraction would leave it. */
async function jobOfA(env: MatrixEnv): Promise<string> {
  const id = randomUUID();
  await env.services.database.db.insert(jobRun).values({
    id,
    kind: 'matrix.probe',
    workspaceId: env.accounts.owner.auth.workspace.id,
    stage: 'reading',
    percent: 40,
    startedAt: new Date(),
  });
  return id;
}

export const jobRows: MatrixRows = (env) => {
  let shared: Promise<string> | undefined;
  return [
    {
      method: 'GET',
      url: '/api/v1/jobs/:id',
      request: async () => ({ url: `/api/v1/jobs/${await (shared ??= jobOfA(env))}` }),
      expect: readable(),
    },
  ];
};
