import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * The closed set of API error codes. Each maps to one HTTP status and one zh-CN sentence for
 * users; `ApiError` carries an English detail for logs when the cause needs explaining.
 */
export const API_ERRORS = {
  BAD_REQUEST: [400, '请求格式不正确。'],
  INVALID_JSON: [400, '请求内容不是有效的 JSON。'],
  VALIDATION_FAILED: [400, '提交的内容有误，请按提示修改后重试。'],
  INVALID_PARAMETER: [400, '查询参数不正确。'],
  RESULT_WINDOW_EXCEEDED: [400, '只提供前 1000 条结果，请输入更具体的查询条件。'],
  PAGE_SIZE_TOO_LARGE: [400, '每页最多 50 条。'],
  CSV_EMPTY: [400, '上传的文件是空的，请选择包含表头和数据行的 CSV 文件。'],
  CSV_NO_ROWS: [400, '文件只有表头，没有数据行。'],
  UNSUPPORTED_MEDIA_TYPE: [415, '不支持的内容类型。'],
  PAYLOAD_TOO_LARGE: [413, '提交的内容过大。'],
  UNAUTHENTICATED: [401, '请先登录：缺少或无效的访问令牌。'],
  FORBIDDEN: [403, '您无权执行此操作。'],
  CSRF_REJECTED: [403, '跨站提交已被拒绝：请在本系统页面内操作。'],
  LOGIN_FAILED: [401, '用户名或密码不正确。'],
  TOTP_REQUIRED: [401, '此账号已启用双重验证，请输入动态验证码。'],
  LOGIN_THROTTLED: [429, '登录失败次数过多，请稍后再试。'],
  USERNAME_TAKEN: [409, '该用户名已被使用。'],
  NOT_FOUND: [404, '未找到相关信息。'],
  LISTING_NOT_FOUND: [404, '未找到该信息。'],
  LISTING_GONE: [410, '该失信被执行人信息已依法删除，不再公布。'],
  PHOTO_QUARANTINED: [410, '该照片未通过内容安全检测，已隔离。'],
  INVALID_STATE: [409, '当前状态下不能执行此操作。'],
  RELISTING_REFUSED: [409, '申请执行人书面申请删除后六个月内再次申请纳入的，不予支持（第十条第四款）。'],
  REWARD_NOT_PAYABLE: [409, '该登记不符合悬赏金的发放条件。'],
  REWARD_ALREADY_PAID: [409, '该登记已经发放过悬赏金，不能重复发放。'],
  RATE_LIMITED: [429, '请求过于频繁，请稍后再试。'],
  IDEMPOTENCY_IN_FLIGHT: [409, '同一请求正在处理中，请稍候再查看结果，不要重复提交。'],
  IDEMPOTENCY_KEY_REUSED: [422, '该幂等键已用于内容不同的请求，请为新的提交使用新的键。'],
  RECEIPT_NOT_FOUND: [404, '未找到与该回执码对应的线索，请核对后重试。'],
  STORAGE_UNAVAILABLE: [503, '存储空间暂时不可用，您的内容未被保存，请稍后重试。'],
  SEARCH_UNAVAILABLE: [503, '查询服务暂时不可用，请稍后再试。'],
  CONTENT_REJECTED: [400, '提交的内容未通过内容安全检测，请修改后重试。'],
  WECHAT_DISABLED: [503, '微信相关功能未开启：服务端尚未配置小程序的 AppID 和 AppSecret。'],
  WECHAT_UNAVAILABLE: [503, '微信服务暂时不可用，请稍后再试。'],
  WECHAT_CODE_INVALID: [400, '微信登录凭证无效或已使用，请重新进入小程序。'],
  WECHAT_SESSION_INVALID: [401, '小程序登录已失效，请重新进入小程序。'],
  INTERNAL: [500, '系统内部错误，请稍后再试。'],
} as const satisfies Record<string, readonly [ContentfulStatusCode, string]>;

export type ApiErrorCode = keyof typeof API_ERRORS;

export interface ApiErrorOptions {
  /** zh-CN sentence overriding the default one (e.g. a domain rule's message). */
  message?: string;
  field?: string;
  /** Extra machine-readable details (e.g. per-field errors). Never personal data. */
  details?: unknown;
  /** English text for logs only. */
  logDetail?: string;
  headers?: Record<string, string>;
  cause?: unknown;
}

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly status: ContentfulStatusCode;
  readonly userMessage: string;
  readonly field: string | undefined;
  readonly details: unknown;
  readonly headers: Record<string, string>;

  constructor(code: ApiErrorCode, options: ApiErrorOptions = {}) {
    super(options.logDetail ?? code, { cause: options.cause });
    const [status, message] = API_ERRORS[code];
    this.code = code;
    this.status = status;
    this.userMessage = options.message ?? message;
    this.field = options.field;
    this.details = options.details;
    this.headers = options.headers ?? {};
  }
}

export interface ErrorEnvelope {
  error: { code: string; message: string; field?: string; details?: unknown; requestId: string };
}

export function errorEnvelope(err: ApiError, requestId: string): ErrorEnvelope {
  return {
    error: {
      code: err.code,
      message: err.userMessage,
      ...(err.field ? { field: err.field } : {}),
      ...(err.details !== undefined ? { details: err.details } : {}),
      requestId,
    },
  };
}
