import type { meRoute } from '@portal/contract';
import type { SuccessBody } from '@portal/contract/client';

type Role = SuccessBody<typeof meRoute>['role'];

export interface ScreenInfo {
  id: string;
  title: string;
  roles: readonly Role[];
}

/**
 * The console's screens and who may open them. UNFINISHED (issue 11): listings, import,
 * corrections, tips inbox, audit and the campaign dashboard are not built yet.
 */
export const SCREENS: readonly ScreenInfo[] = [
  { id: 'accounts', title: '账号与执行单元', roles: ['court_admin'] },
];

export function visibleScreens(role: Role): ScreenInfo[] {
  return SCREENS.filter((s) => s.roles.includes(role));
}
