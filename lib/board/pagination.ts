/** Page arithmetic of a board list, as the original board engine does it. */

export function pageCountOf(total: number, rowsPerPage: number): number {
  return Math.max(1, Math.ceil(total / rowsPerPage));
}

/** A requested page brought into 1…pageCount. */
export function clampPage(page: number, pageCount: number): number {
  return Math.min(Math.max(1, page), pageCount);
}

/**
 * The 번호 column: total − (page − 1) × rows − i, so the newest article of a 560-article
 * board is 560 and the oldest is 1, whatever the sort.
 */
export function virtualNumber(total: number, page: number, rowsPerPage: number, index: number): number {
  return total - (page - 1) * rowsPerPage - index;
}

/**
 * The run of page links around the current page: `size` links, centred (first = current −
 * size/2), clamped to the ends.
 */
export function pageWindow(current: number, pageCount: number, size: number): { first: number; last: number } {
  const width = Math.min(size, pageCount);
  let first = current - Math.floor(width / 2);
  first = Math.max(1, Math.min(first, pageCount - width + 1));
  return { first, last: first + width - 1 };
}

/** The page (1-based) on which the row at a zero-based position sits. */
export function pageOfPosition(position: number, rowsPerPage: number): number {
  return Math.floor(position / rowsPerPage) + 1;
}
