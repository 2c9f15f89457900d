import { isIsoDate } from '@portal/domain';
import { z } from 'zod';

/**
 * A calendar day in a query string (`from=2017-07-18`), read as a day in China time by the
 * routes that take it. Empty means "not given"; anything else that is not a real date answers
 * 400 with a zh-CN sentence naming the parameter.
 *
 * @example
 * dayParam('开始日期').parse('2017-02-30') // throws: 开始日期应为有效日期（YYYY-MM-DD），如 2017-07-18。
 */
export function dayParam(label: string) {
  const message = `${label}应为有效日期（YYYY-MM-DD），如 2017-07-18。`;
  return z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string({ error: message })
      .refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && isIsoDate(s), { error: message })
      .optional(),
  );
}

/** Like `dayParam`, but the parameter must be given. */
export function requiredDayParam(label: string) {
  const message = `${label}应为有效日期（YYYY-MM-DD），如 2017-07-18。`;
  return z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string({ error: `请提供${label}（YYYY-MM-DD）。` })
      .refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && isIsoDate(s), { error: message }),
  );
}
