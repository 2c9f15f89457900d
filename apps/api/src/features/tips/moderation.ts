/**
 * Content moderation port for tip text and photos. The embedded default accepts everything (a
 * court reads every tip anyway); the mini-program issue plugs WeChat's content-security API in
 * here for its users. A refusal answers 400 with the adapter's zh-CN reason and stores nothing.
 */
export interface ModerationVerdict {
  ok: boolean;
  /** zh-CN, shown to the tipster when refused */
  reason?: string;
}

export interface ModerationPort {
  /** `openid`: the WeChat user of a tip from the mini-program (WeChat's checks need one) */
  check(input: { text: string; images: readonly Uint8Array[]; openid?: string }): Promise<ModerationVerdict>;
}

export function createModerationPort(): ModerationPort {
  return { check: async () => ({ ok: true }) };
}
