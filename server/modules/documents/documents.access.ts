import { randomBytes } from 'node:crypto';
import { type MatrixEnv, type MatrixRows, all, editable, readable } from '../../test/access-matrix';
import { multipartBody } from './documents.test-support';

/** A fresh upload of unique bytes, so no row is a duplicate of another. */
const uniqueFile = () =>
  multipartBody(Buffer.from(`Matrix note ${randomBytes(8).toString('hex')}`), {
    name: 'matrix.txt',
  });

async function documentOfA(env: MatrixEnv): Promise<string> {
  const body = uniqueFile();
  const res = await env.app.inject({
    method: 'POST',
    url: '/api/v1/documents',
    headers: { ...env.accounts.owner.headers, ...body.headers },
    payload: body.payload,
  });
  if (res.statusCode !== 201) throw new Error(`document: ${res.statusCode} ${res.body}`);
  return res.json<{ id: string }>().id;
}

export const documentRows: MatrixRows = (env) => {
  let shared: Promise<string> | undefined;
  const sharedDocument = () => (shared ??= documentOfA(env));
  return [
    {
      method: 'POST',
      url: '/api/v1/documents',
      request: () => {
        const body = uniqueFile();
        return Promise.resolve({
          url: '/api/v1/documents',
          payload: body.payload,
          headers: body.headers,
        });
      },
      // Workspace B's admin uploads into B: the upload names no row of A.
      expect: { ...editable(201), otherAdmin: 201 },
    },
    {
      method: 'GET',
      url: '/api/v1/documents',
      request: () => Promise.resolve({ url: '/api/v1/documents' }),
      expect: all(200),
    },
    {
      method: 'GET',
      url: '/api/v1/documents/usage',
      request: () => Promise.resolve({ url: '/api/v1/documents/usage' }),
      expect: all(200),
    },
    {
      method: 'GET',
      url: '/api/v1/documents/:id',
      request: async () => ({ url: `/api/v1/documents/${await sharedDocument()}` }),
      expect: readable(),
    },
    {
      method: 'GET',
      url: '/api/v1/documents/:id/download',
      request: async () => ({ url: `/api/v1/documents/${await sharedDocument()}/download` }),
      expect: readable(),
    },
    {
      method: 'PATCH',
      url: '/api/v1/documents/:id',
      request: async () => ({
        url: `/api/v1/documents/${await sharedDocument()}`,
        payload: { title: 'Renamed in the matrix' },
      }),
      expect: editable(200),
    },
    {
      method: 'DELETE',
      url: '/api/v1/documents/:id',
      request: async () => ({ url: `/api/v1/documents/${await documentOfA(env)}` }),
      expect: editable(204),
    },
  ];
};
