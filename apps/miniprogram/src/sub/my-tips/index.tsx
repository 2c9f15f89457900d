import { ApiClientError } from '@portal/contract/client';
import type { TipLookupResult } from '@portal/contract/routes';
import { tipLookupRoute } from '@portal/contract/routes';
import { Button, Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { useLargeType } from '../../lib/large-type.ts';
import { forgetReceipt, storedReceipts } from '../../lib/receipts.ts';

type State =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'ok'; result: TipLookupResult }
  | { kind: 'error'; message: string };

/** 我的举报: look a tip up by its receipt (sent in the request body, never in a URL). */
export default function MyTipsPage() {
  const [large] = useLargeType();
  const [receipt, setReceipt] = useState('');
  const [saved, setSaved] = useState(storedReceipts);
  const [state, setState] = useState<State>({ kind: 'idle' });

  const lookUp = async (code: string) => {
    if (!code.trim()) {
      setState({ kind: 'error', message: '请输入回执码。' });
      return;
    }
    setState({ kind: 'loading' });
    try {
      setState({ kind: 'ok', result: await api.call(tipLookupRoute, { json: { receipt: code.trim() } }) });
    } catch (err) {
      setState({
        kind: 'error',
        message:
          err instanceof ApiClientError && err.status === 404
            ? '没有找到这个回执码，请核对后重试。'
            : err instanceof ApiClientError
              ? err.message
              : '查询失败，请稍后重试。',
      });
    }
  };

  return (
    <View className={large ? 'page large' : 'page'}>
      <View className="form-row">
        <Text className="field-label">回执码</Text>
        <Input
          className="text-input mono"
          value={receipt}
          maxlength={40}
          placeholder="如 7K3M-9QX2-…"
          aria-label="回执码"
          onInput={(e) => setReceipt(e.detail.value)}
        />
        <Button className="button primary" onClick={() => lookUp(receipt)}>
          查询办理情况
        </Button>
      </View>
      {saved.length > 0 ? (
        <View className="card">
          <Text className="section-title">本机保存的回执</Text>
          {saved.map((r) => (
            <View className="entries" key={r.receipt}>
              <Button className="link-button mono" onClick={() => lookUp(r.receipt)}>
                {r.receipt}
              </Button>
              <Button
                className="link-button"
                onClick={() => {
                  forgetReceipt(r.receipt);
                  setSaved(storedReceipts());
                }}
              >
                删除
              </Button>
            </View>
          ))}
        </View>
      ) : null}
      <View aria-live="polite">
        {state.kind === 'loading' ? <Text>正在查询…</Text> : null}
        {state.kind === 'error' ? (
          <View role="alert">
            <Text className="error">{state.message}</Text>
          </View>
        ) : null}
        {state.kind === 'ok' ? (
          <View className="card">
            <Text className="section-title">办理状态：{state.result.statusLabel}</Text>
            <Text className="hint">更新于 {state.result.updatedAt.slice(0, 16).replace('T', ' ')}</Text>
            {state.result.registrationNo ? (
              <Text className="line">悬赏登记序号：第 {state.result.registrationNo} 号</Text>
            ) : null}
            {state.result.messages.map((m) => (
              <View className="field" key={m.at}>
                <Text className="field-label">{m.at.slice(0, 16).replace('T', ' ')}</Text>
                <Text className="field-value">{m.text}</Text>
              </View>
            ))}
            {state.result.messages.length === 0 ? <Text className="hint">执行单元暂无答复。</Text> : null}
          </View>
        ) : null}
      </View>
    </View>
  );
}
