import type { meRoute } from '@portal/contract';
import type { SuccessBody } from '@portal/contract/client';

type Role = SuccessBody<typeof meRoute>['role'];

export interface ScreenInfo {
  id: string;
  title: string;
  roles: readonly Role[];
}

/**
 * The console's screens and who may open them; the first one a role may open is its start screen.
 */
export const SCREENS: readonly ScreenInfo[] = [
  { id: 'listings', title: '名单', roles: ['court_admin', 'unit_member'] },
  { id: 'import', title: '导入', roles: ['court_admin', 'unit_member'] },
  { id: 'corrections', title: '纠正申请', roles: ['court_admin', 'unit_member'] },
  { id: 'tips', title: '举报线索', roles: ['court_admin', 'unit_member'] },
  { id: 'rewards', title: '悬赏', roles: ['court_admin', 'unit_member'] },
  // the custodian approves identity reveals and sees nothing else
  { id: 'reveals', title: '身份查看审批', roles: ['custodian'] },
  { id: 'campaign', title: '专项行动', roles: ['court_admin', 'unit_member'] },
  { id: 'audit', title: '审计日志', roles: ['court_admin'] },
  { id: 'accounts', title: '账号与执行单元', roles: ['court_admin'] },
  { id: 'channels', title: '通知渠道', roles: ['court_admin'] },
  { id: 'media', title: '媒体素材', roles: ['court_admin'] },
];

export function visibleScreens(role: Role): ScreenInfo[] {
  return SCREENS.filter((s) => s.roles.includes(role));
}
