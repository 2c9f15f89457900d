import { ApiClientError } from '@portal/contract/client';
import { TIP_FIELD_ORDER, type TipField } from './tip-rules.ts';

/**
 * How long to wait, in words, from a 429's `Retry-After`.
 * @example waitText(90) // '约 2 分钟'
 */
export function waitText(seconds: number | undefined): string {
  if (!seconds || seconds <= 0) return '稍等片刻';
  if (seconds < 60) return `${Math.ceil(seconds)} 秒`;
  return `约 ${Math.ceil(seconds / 60)} 分钟`;
}

export type SubmitProblem =
  | { kind: 'field'; field: TipField; message: string }
  /** the Idempotency-Key was used for other content: the form starts a new key */
  | { kind: 'changed'; message: string }
  | { kind: 'form'; message: string };

const KEPT = '您填写的内容仍保留在本页。';
/** True because every retry of one form carries the same Idempotency-Key. */
const AGAIN = '请稍后再点“提交举报”，不会重复提交。';

/**
 * What to tell the tipster after a failed submission; the server's zh-CN message next to its
 * field when it names one of the form's fields.
 */
export function submitProblem(err: unknown): SubmitProblem {
  if (!(err instanceof ApiClientError)) return { kind: 'form', message: `提交没有完成，请再试一次。${KEPT}` };
  const field = err.field === 'lat' || err.field === 'lng' ? 'location' : err.field;
  if (err.status === 400 || err.status === 413 || err.status === 415) {
    if (field && (TIP_FIELD_ORDER as readonly string[]).includes(field)) {
      return { kind: 'field', field: field as TipField, message: err.message };
    }
    if (err.status !== 400) return { kind: 'field', field: 'photos', message: err.message };
  }
  if (err.status === 404 && field === 'listingId') {
    return {
      kind: 'form',
      message: '这条失信信息已不再公布，无法再就它举报。如有线索，请直接联系执行法院。',
    };
  }
  switch (err.status) {
    case 0:
      return {
        kind: 'form',
        message: `网络连接失败，举报可能没有送达。${KEPT}${AGAIN}`,
      };
    case 409:
      return { kind: 'form', message: '上一次提交还在处理中，请稍等几秒后再点“提交举报”，不会重复提交。' };
    case 422:
      return {
        kind: 'changed',
        message:
          '您修改了已经发送过的内容。如果上一次已经提交成功，请不要重复举报；确认要按修改后的内容提交，请再点一次“提交举报”。',
      };
    case 429:
      return {
        kind: 'form',
        message: `提交次数过多，请${waitText(err.retryAfterSeconds)}后再试。${KEPT}`,
      };
    case 503:
      return { kind: 'form', message: `${err.message}${KEPT}${AGAIN}` };
    default:
      if (err.status >= 500) {
        return { kind: 'form', message: `服务器没有正常答复，举报可能没有保存。${KEPT}${AGAIN}` };
      }
      return { kind: 'form', message: `${err.message}${KEPT}` };
  }
}
