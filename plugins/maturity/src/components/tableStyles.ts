import type { CSSProperties } from 'react';

/**
 * For cells that read badly split over lines: names and amounts of money. A new object each call:
 * Backstage's Table writes the bold of a `highlight` column into that column's cell style.
 */
export const noWrap = (): CSSProperties => ({ whiteSpace: 'nowrap' });

/**
 * For the header cells of wide tables: a header's text sets its column's width, and with half the
 * default padding nine columns fit a 1,400-pixel page.
 */
export const COMPACT_HEADERS: CSSProperties = {
  paddingLeft: 8,
  paddingRight: 8,
};
