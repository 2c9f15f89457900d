/** zh-CN names of the audit actions the API records; an unknown action shows its code. */
const ACTIONS: Record<string, string> = {
  'listing.create': '新建名单草稿',
  'listing.import': '导入名单',
  'listing.publish': '发布名单',
  'listing.remove': '删除名单',
  'listing.edit': '修改名单',
  'listing.extend_term': '延长纳入期限',
  'listing.read_full': '查看完整名单信息',
  'listing.purge': '清除到期信息',
  'correction.submit': '收到纠正申请',
  'correction.contact.read': '查看申请人联系方式',
  'correction.accepted': '决定予以纠正',
  'correction.rejected': '驳回纠正申请',
  'correction.fixed': '完成纠正',
  'tip.status': '线索状态变更',
  'tip.read': '查看线索',
  'tip.identity.request': '申请查看举报人身份',
  'tip.identity.approve': '批准查看举报人身份',
  'tip.identity.reject': '驳回查看举报人身份',
  'tip.identity.reveal': '查看举报人身份',
  'reward.apply': '登记悬赏申请',
  'reward.publish': '发布悬赏公告',
  'staff.login': '登录',
  'staff.login.failed': '登录失败',
  'staff.login.locked': '登录被锁定',
  'staff.logout': '退出登录',
  'staff.create': '新建账号',
  'staff.role.change': '变更角色',
  'staff.disable': '停用账号',
  'staff.sessions.revoke': '注销会话',
  'staff.token.create': '签发访问令牌',
  'staff.token.bootstrap': '初始化访问令牌',
  'staff.bootstrap.create': '初始化管理员',
  'staff.bootstrap.reset': '重置初始管理员',
  'staff.totp.enable': '启用双重验证',
  'unit.create': '新建执行单元',
};

export function auditActionLabel(action: string): string {
  return ACTIONS[action] ?? action;
}

const ENTITIES: Record<string, string> = {
  listing: '名单',
  correction: '纠正申请',
  tip: '线索',
  reward: '悬赏',
  staff: '账号',
  execution_unit: '执行单元',
};

export function auditEntityLabel(entity: string): string {
  return ENTITIES[entity] ?? entity;
}
