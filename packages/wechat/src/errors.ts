/**
 * WeChat answers errors as `{errcode, errmsg}` (HTTP 200). The codes callers branch on get a
 * zh-CN sentence; the rest keep WeChat's own text for logs.
 */
const MESSAGES: Record<number, string> = {
  [-1]: '微信服务繁忙，请稍后再试。',
  40001: '微信接口凭证无效。',
  40029: '登录凭证无效或已使用，请重新登录。',
  40226: '该微信账号存在风险，暂不能登录。',
  41030: '订阅消息跳转的页面不存在。',
  42001: '微信接口凭证已过期。',
  43101: '用户未订阅或已拒绝接收此消息。',
  44002: '提交内容为空。',
  45009: '微信接口调用次数已达上限。',
  45011: '登录过于频繁，请稍后再试。',
  47001: '提交给微信的数据格式不正确。',
  47003: '订阅消息的内容不符合模板要求。',
  87014: '内容含有违法违规信息。',
};

export class WechatError extends Error {
  readonly errcode: number;
  readonly errmsg: string;
  /** zh-CN sentence for people; WeChat's `errmsg` stays in `errmsg` for logs. */
  readonly userMessage: string;
  constructor(errcode: number, errmsg: string) {
    super(`WeChat API error ${errcode}: ${errmsg}`);
    this.name = 'WechatError';
    this.errcode = errcode;
    this.errmsg = errmsg;
    this.userMessage = MESSAGES[errcode] ?? '微信服务暂时不可用，请稍后再试。';
  }
}

/** Raised when WECHAT_APPID / WECHAT_SECRET are not configured: the features are off. */
export class WechatDisabledError extends Error {
  constructor() {
    super('WeChat features are off: set WECHAT_APPID and WECHAT_SECRET to turn them on');
    this.name = 'WechatDisabledError';
  }
}

/** Token errors after which one fresh token and one retry are worth it. */
export const TOKEN_ERRORS = new Set([40001, 40014, 42001]);
