import { type MatrixRows, all } from '../../test/access-matrix';

/** Search is open to every member; it only ever looks inside the caller's own workspace. */
export const searchRows: MatrixRows = () => [
  {
    method: 'GET',
    url: '/api/v1/search',
    request: () => Promise.resolve({ url: '/api/v1/search?q=pricing' }),
    expect: all(200),
  },
];
