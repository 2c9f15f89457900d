import { loginRoute } from '@portal/contract';
import type { SuccessBody } from '@portal/contract/client';
import { type FormEvent, useState } from 'react';
import { ApiClientError, api } from '../api.ts';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { Field } from '../components/Field.tsx';

type SignedIn = SuccessBody<typeof loginRoute>['staff'];

/** Username + password, and the TOTP code when the account asks for one. */
export function LoginScreen({ onSignedIn }: { onSignedIn: (staff: SignedIn & { name: string }) => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [needsTotp, setNeedsTotp] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await api.call(loginRoute, {
        json: { username: username.trim(), password, ...(needsTotp && totp ? { totp } : {}) },
      });
      onSignedIn(result.staff);
    } catch (e) {
      if (e instanceof ApiClientError && e.code === 'TOTP_REQUIRED') setNeedsTotp(true);
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="centered">
      <form className="card login" onSubmit={submit} aria-labelledby="login-title" noValidate>
        <h1 id="login-title">工作人员登录</h1>
        <p className="muted">失信曝光台工作台，仅供本院执行工作人员使用。</p>
        <ErrorBanner error={error} />
        <Field
          label="用户名"
          name="username"
          autoComplete="username"
          required
          value={username}
          onChange={(e) => setUsername(e.target.value)}
        />
        <Field
          label="密码"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        {needsTotp ? (
          <Field
            label="动态验证码"
            name="totp"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="\d{6}"
            maxLength={6}
            hint="身份验证器上显示的 6 位数字"
            value={totp}
            onChange={(e) => setTotp(e.target.value.replace(/\D/g, ''))}
          />
        ) : null}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? '正在登录…' : '登录'}
        </button>
      </form>
    </main>
  );
}
