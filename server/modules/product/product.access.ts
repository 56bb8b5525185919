import { type MatrixRows, all } from '../../test/access-matrix';

/** Each workspace has its own profile, so workspace B's admin reads and saves theirs. */
export const productRows: MatrixRows = () => [
  {
    method: 'GET',
    url: '/api/v1/product',
    request: () => Promise.resolve({ url: '/api/v1/product' }),
    expect: all(200),
  },
  {
    method: 'PUT',
    url: '/api/v1/product',
    request: () => Promise.resolve({ url: '/api/v1/product', payload: { name: 'Ringside' } }),
    expect: { ...all(200), viewer: 403 },
  },
];
