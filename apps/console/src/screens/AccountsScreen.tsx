import {
  createStaffRoute,
  createUnitRoute,
  listStaffRoute,
  listUnitsRoute,
  type meRoute,
} from '@portal/contract';
import type { SuccessBody } from '@portal/contract/client';
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { ApiClientError, api, fieldMessage } from '../api.ts';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { Field } from '../components/Field.tsx';
import { Outcome } from '../components/Outcome.tsx';

type Me = SuccessBody<typeof meRoute>;
type Units = SuccessBody<typeof listUnitsRoute>['items'];
type Accounts = SuccessBody<typeof listStaffRoute>['items'];
type Role = Accounts[number]['role'];

const ROLES: { value: Role; label: string }[] = [
  { value: 'unit_member', label: '执行单元成员' },
  { value: 'court_admin', label: '法院管理员' },
  { value: 'custodian', label: '身份保管人' },
];

/** Court admins create execution units and staff accounts; every change is audited by the API. */
export function AccountsScreen({ me }: { me: Me; onNavigate: (route: string) => void }) {
  const [units, setUnits] = useState<Units>([]);
  const [accounts, setAccounts] = useState<Accounts>([]);
  const [error, setError] = useState<unknown>(null);

  const reload = useCallback(async () => {
    try {
      const [u, a] = await Promise.all([api.call(listUnitsRoute), api.call(listStaffRoute)]);
      setUnits(u.items);
      setAccounts(a.items);
    } catch (e) {
      setError(e);
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);

  const unitName = (id: string | null) => units.find((u) => u.id === id)?.name ?? '—';

  return (
    <section aria-labelledby="accounts-title">
      <h1 id="accounts-title">账号与执行单元</h1>
      <ErrorBanner error={error} />
      <div className="columns">
        <UnitForm onCreated={reload} />
        <StaffForm units={units} onCreated={reload} />
      </div>
      <h2>执行单元（{units.length}）</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">名称</th>
            <th scope="col">法官</th>
            <th scope="col">法官助理</th>
            <th scope="col">书记员</th>
            <th scope="col">法警</th>
          </tr>
        </thead>
        <tbody>
          {units.map((u) => (
            <tr key={u.id}>
              <td>{u.name}</td>
              <td>{u.judge || '—'}</td>
              <td>{u.assistant || '—'}</td>
              <td>{u.clerk || '—'}</td>
              <td>{u.bailiff || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>工作人员账号（{accounts.length}）</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">姓名</th>
            <th scope="col">用户名</th>
            <th scope="col">角色</th>
            <th scope="col">执行单元</th>
            <th scope="col">状态</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((a) => (
            <tr key={a.id}>
              <td>
                {a.name}
                {a.id === me.id ? '（本人）' : ''}
              </td>
              <td>{a.username ?? '仅令牌'}</td>
              <td>{ROLES.find((r) => r.value === a.role)?.label}</td>
              <td>{unitName(a.unitId)}</td>
              <td>
                {a.disabled
                  ? '已停用'
                  : a.lockedUntil
                    ? '暂时锁定'
                    : a.totpEnabled
                      ? '正常 · 双重验证'
                      : '正常'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function UnitForm({ onCreated }: { onCreated: () => void }) {
  const [name, setName] = useState('');
  const [judge, setJudge] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState('');

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setDone('');
    try {
      await api.call(createUnitRoute, { json: { name, judge } });
      setDone(`已新建执行单元“${name}”。`);
      setName('');
      setJudge('');
      onCreated();
    } catch (e) {
      setError(e);
    }
  }

  const field = error instanceof ApiClientError ? error.field : undefined;
  return (
    <form className="card" onSubmit={submit} aria-labelledby="unit-form-title">
      <h2 id="unit-form-title">新建执行单元</h2>
      <Outcome error={error} done={done} />
      <Field
        label="名称"
        required
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={field === 'name' ? (error as Error).message : undefined}
      />
      <Field label="法官" value={judge} onChange={(e) => setJudge(e.target.value)} />
      <button type="submit" className="primary">
        新建
      </button>
    </form>
  );
}

function StaffForm({ units, onCreated }: { units: Units; onCreated: () => void }) {
  const [username, setUsername] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('unit_member');
  const [unitId, setUnitId] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState('');

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setDone('');
    try {
      await api.call(createStaffRoute, {
        json: {
          username,
          name: name || undefined,
          password,
          role,
          unitId: role === 'unit_member' ? unitId || null : null,
        },
      });
      setDone(`已新建账号 ${username}。请把初始密码当面交给本人。`);
      setUsername('');
      setName('');
      setPassword('');
      onCreated();
    } catch (e) {
      setError(e);
    }
  }

  const fieldError = (f: string) => fieldMessage(error, f);
  return (
    <form className="card" onSubmit={submit} aria-labelledby="staff-form-title">
      <h2 id="staff-form-title">新建工作人员账号</h2>
      <Outcome error={error} done={done} />
      <Field
        label="用户名"
        required
        autoComplete="off"
        value={username}
        onChange={(e) => setUsername(e.target.value)}
        error={fieldError('username')}
        hint="3–32 位小写字母、数字、点、下划线或连字符"
      />
      <Field label="姓名" value={name} onChange={(e) => setName(e.target.value)} error={fieldError('name')} />
      <Field
        label="初始密码"
        type="password"
        autoComplete="new-password"
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={fieldError('password')}
        hint="至少 10 个字符，不含用户名"
      />
      <div className="field">
        <label htmlFor="staff-role">角色</label>
        <select id="staff-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {ROLES.map((r) => (
            <option key={r.value} value={r.value}>
              {r.label}
            </option>
          ))}
        </select>
      </div>
      {role === 'unit_member' ? (
        <div className="field">
          <label htmlFor="staff-unit">执行单元</label>
          <select
            id="staff-unit"
            value={unitId}
            onChange={(e) => setUnitId(e.target.value)}
            aria-invalid={fieldError('unitId') ? true : undefined}
          >
            <option value="">请选择</option>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
          {fieldError('unitId') ? <span className="field-error">{fieldError('unitId')}</span> : null}
        </div>
      ) : null}
      <button type="submit" className="primary">
        新建账号
      </button>
    </form>
  );
}
