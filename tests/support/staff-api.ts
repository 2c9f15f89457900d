/**
 * The staff API of a running server (`Authorization: Bearer` with STAFF_BOOTSTRAP_TOKEN), and
 * valid listing drafts to feed it.
 */
import { idNumberCheckChar } from '@portal/domain';

export interface StaffListing {
  id: string;
  kind: 'person' | 'org';
  name: string;
  idNumber: string | null;
  status: string;
}

export function staffApi(baseUrl: string, token: string) {
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(new URL(path, baseUrl), {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${text}`);
    return JSON.parse(text) as T;
  }
  return {
    call,
    published: async () =>
      (await call<{ items: StaffListing[] }>('GET', '/api/v1/admin/listings?status=published')).items,
    /** Creates a draft and publishes it; returns the listing id. */
    async createPublished(draft: Record<string, unknown>): Promise<string> {
      const { id } = await call<{ id: string }>('POST', '/api/v1/admin/listings', draft);
      await call('POST', `/api/v1/admin/listings/${id}/publish`);
      return id;
    },
    /** Correction requests as staff see them, contact included. */
    corrections: async () =>
      (
        await call<{ items: { receiptCode: string; requester: { phone: string } }[] }>(
          'GET',
          '/api/v1/admin/corrections',
        )
      ).items,
    remove: (id: string, reason = 'performed') =>
      call<{ status: string }>('POST', `/api/v1/admin/listings/${id}/remove`, { reason }),
  };
}

/** A valid person draft with a unique case number; `serial` keeps case numbers apart. */
export function personDraft(serial: number, overrides: Record<string, unknown> = {}) {
  const first17 = `46040019850101${String(serial % 1000).padStart(3, '0')}`;
  return {
    kind: 'person',
    name: '符测试',
    idNumber: first17 + idNumberCheckChar(first17),
    caseNo: `（2025）琼9003执9${String(serial).padStart(4, '0')}号`,
    court: '儋州市人民法院',
    filedAt: '2025-07-18',
    basisIssuer: '儋州市人民法院',
    basisDocNo: `（2025）琼9003民初9${String(serial).padStart(4, '0')}号`,
    obligation: '支付劳动报酬人民币 12,345 元',
    performance: '全部未履行',
    category: 1,
    amountOwedFen: 1_234_500,
    livelihood: true,
    region: '儋州市',
    ...overrides,
  };
}
