import { type CategoryCode, categoryOf } from '@portal/domain';
import { FONT_FAMILY } from './fonts.ts';

/** Court palette: deep navy field, national red bands, gold figures, white text. */
export const COLORS = {
  navy: '#0b1e3d',
  navyLight: '#13294f',
  navyLine: '#2a4173',
  red: '#a3161a',
  redDark: '#7c0f12',
  gold: '#f2c14e',
  white: '#ffffff',
  muted: '#c9d3e6',
  demo: '#ffd43b',
  demoText: '#3d2a00',
  paper: '#fbf7ee',
  ink: '#1b1b1b',
} as const;

export const BASE_STYLE = {
  fontFamily: FONT_FAMILY,
  color: COLORS.white,
  backgroundColor: COLORS.navy,
  display: 'flex',
  flexDirection: 'column',
} as const;

/** Short label for screens, where the full text of art. 1 does not fit a column. */
export function categoryShort(code: CategoryCode): string {
  return categoryOf(code).shortLabel;
}

export type Orientation = 'landscape' | 'portrait';

export function slideSize(orientation: Orientation): { width: number; height: number } {
  return orientation === 'portrait' ? { width: 1080, height: 1920 } : { width: 1920, height: 1080 };
}
