import { notifyTargetSetRoute } from '@portal/contract';
import { type FormEvent, useId, useState } from 'react';
import { ApiClientError, api } from '../api.ts';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { Field } from '../components/Field.tsx';
import { useFocusOnMount } from '../components/use-focus-on-mount.ts';
import { chinaDateTime } from '../format.ts';
import { CHANNEL_NAMES, type Channel, type UnitTarget } from './notify-channels.ts';

/** The API names a secret's error `secrets` or `secrets.<n>`; both belong to the secrets box. */
function fieldOf(error: unknown): 'url' | 'secrets' | undefined {
  if (!(error instanceof ApiClientError) || !error.field) return undefined;
  if (error.field === 'url') return 'url';
  if (error.field === 'secrets' || error.field.startsWith('secrets.')) return 'secrets';
  return undefined;
}

/**
 * Sets one unit's notification target for one channel. The stored URL and secrets are never
 * shown back (a robot URL carries its key), so the form always starts empty and saving replaces
 * both; saving also lifts a 410 Gone stop. The API checks the address (format, then the SSRF
 * guard) and its refusals are shown under the field they concern.
 */
export function NotifyTargetForm({
  unit,
  channel,
  current,
  onCancel,
  onSaved,
}: {
  unit: { id: string; name: string };
  channel: Channel;
  current: UnitTarget | undefined;
  onCancel: () => void;
  onSaved: (message: string) => Promise<void>;
}) {
  const [url, setUrl] = useState('');
  const [secrets, setSecrets] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const heading = useFocusOnMount<HTMLHeadingElement>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (!url.trim())
      return setError(
        new ApiClientError({
          status: 400,
          code: 'VALIDATION_FAILED',
          field: 'url',
          message: '请填写通知地址。',
        }),
      );
    const list = secrets
      .split(/\r?\n/)
      .map((s) => s.trim())
      .filter(Boolean);
    setBusy(true);
    try {
      const saved = await api.call(notifyTargetSetRoute, {
        params: { unitId: unit.id, channel },
        json: { url: url.trim(), ...(channel === 'webhook' ? { secrets: list } : {}) },
      });
      await onSaved(
        `已保存${unit.name}的${CHANNEL_NAMES[channel]}地址（${saved.urlHint}）${current?.disabled ? '，已恢复发送' : ''}。`,
      );
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const field = fieldOf(error);
  const message = error instanceof ApiClientError ? error.message : undefined;

  return (
    <form className="card decision-form" onSubmit={submit} aria-labelledby={`${id}-title`} noValidate>
      <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
        设置通知地址：{unit.name} · {CHANNEL_NAMES[channel]}
      </h2>
      {current ? (
        <p className="muted">
          现有地址 {current.urlHint}
          {current.disabled
            ? `，因接收方答复 410 Gone 自 ${chinaDateTime(current.disabled.at)} 起停用；保存后恢复发送。`
            : '。'}
          已保存的完整地址和密钥不会显示，保存时请重新填写。
        </p>
      ) : null}
      {error && !field ? <ErrorBanner error={error} /> : null}
      <Field
        label={channel === 'webhook' ? '回调地址' : '机器人地址'}
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        value={url}
        error={field === 'url' ? message : undefined}
        hint={
          channel === 'webhook'
            ? '接收方的 https:// 地址；不能是内网或本机地址。'
            : '企业微信群机器人的 Webhook 地址（含 key）；保存后只显示主机名。'
        }
        onChange={(e) => setUrl(e.target.value)}
      />
      {channel === 'webhook' ? (
        <div className="field">
          <label htmlFor={`${id}-secrets`}>签名密钥（每行一个）</label>
          <textarea
            id={`${id}-secrets`}
            rows={2}
            spellCheck={false}
            autoComplete="off"
            value={secrets}
            aria-invalid={field === 'secrets' ? true : undefined}
            aria-describedby={`${id}-secrets-hint${field === 'secrets' ? ` ${id}-secrets-error` : ''}`}
            onChange={(e) => setSecrets(e.target.value)}
          />
          <span className="hint" id={`${id}-secrets-hint`}>
            whsec_ 开头，至少 24 字节随机数的 base64；轮换时新旧密钥并存，最多 3 个。
          </span>
          {field === 'secrets' ? (
            <span className="field-error" id={`${id}-secrets-error`}>
              {message}
            </span>
          ) : null}
        </div>
      ) : null}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          保存
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          取消
        </button>
      </div>
    </form>
  );
}
