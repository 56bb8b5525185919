import type { MatrixRows } from './access-matrix';

/** Every area's access-matrix rows; the accounts area keeps its own in the test file. */
export const areaRows: MatrixRows[] = [];
