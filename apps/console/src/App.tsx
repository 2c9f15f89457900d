import { logoutRoute, type meRoute, sessionRoute } from '@portal/contract';
import type { SuccessBody } from '@portal/contract/client';
import { useCallback, useEffect, useState } from 'react';
import { api, isUnauthenticated } from './api.ts';
import { ErrorBanner } from './components/ErrorBanner.tsx';
import { AccountsScreen } from './screens/AccountsScreen.tsx';
import { AuditScreen } from './screens/AuditScreen.tsx';
import { CampaignScreen } from './screens/CampaignScreen.tsx';
import { CorrectionsScreen } from './screens/CorrectionsScreen.tsx';
import { ImportScreen } from './screens/ImportScreen.tsx';
import { ListingsScreen } from './screens/ListingsScreen.tsx';
import { LoginScreen } from './screens/LoginScreen.tsx';
import { MediaScreen } from './screens/MediaScreen.tsx';
import { NotifyChannelsScreen } from './screens/NotifyChannelsScreen.tsx';
import { RevealQueueScreen } from './screens/RevealQueueScreen.tsx';
import { RewardsScreen } from './screens/RewardsScreen.tsx';
import { SCREENS, visibleScreens } from './screens/screens.ts';
import { TipsScreen } from './screens/TipsScreen.tsx';
import { useHashRoute } from './use-hash-route.ts';

type Me = SuccessBody<typeof meRoute>;

const ROLE_LABELS: Record<Me['role'], string> = {
  court_admin: '法院管理员',
  unit_member: '执行单元',
  custodian: '身份保管人',
};

/** Signs in, then shows the screens the staff member's role may use. */
export function App() {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [route, go] = useHashRoute('accounts');

  const loadMe = useCallback(async () => {
    try {
      // the session probe answers 200 when signed out, so a first visit logs no failed request
      setMe((await api.call(sessionRoute)).staff);
    } catch (e) {
      if (isUnauthenticated(e)) setMe(null);
      else setError(e);
    }
  }, []);
  useEffect(() => {
    void loadMe();
  }, [loadMe]);

  useEffect(() => {
    document.title = me
      ? `${SCREENS.find((s) => s.id === route)?.title ?? '工作台'} · 失信曝光台工作台`
      : '登录 · 失信曝光台工作台';
  }, [me, route]);

  if (me === undefined) {
    return (
      <main className="centered" aria-busy="true">
        {error ? <ErrorBanner error={error} /> : <p>正在载入…</p>}
      </main>
    );
  }
  if (me === null) return <LoginScreen onSignedIn={(staff) => setMe(staff)} />;

  const screens = visibleScreens(me.role);
  const current = screens.find((s) => s.id === route.split(/[/?]/)[0]) ?? screens[0];

  async function signOut() {
    await api.call(logoutRoute).catch(() => undefined);
    setMe(null);
  }

  return (
    <div className="shell">
      <header className="topbar">
        <span className="brand">失信曝光台 · 工作台</span>
        <span className="who">
          {me.name}（{ROLE_LABELS[me.role]}）
        </span>
        <button type="button" className="link" onClick={signOut}>
          退出登录
        </button>
      </header>
      <nav className="sidebar" aria-label="工作台导航">
        <ul>
          {screens.map((s) => (
            <li key={s.id}>
              <a href={`#/${s.id}`} aria-current={current?.id === s.id ? 'page' : undefined}>
                {s.title}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main className="content" id="main">
        {current?.id === 'accounts' ? (
          <AccountsScreen me={me} onNavigate={go} />
        ) : current?.id === 'listings' ? (
          <ListingsScreen />
        ) : current?.id === 'import' ? (
          <ImportScreen />
        ) : current?.id === 'corrections' ? (
          <CorrectionsScreen />
        ) : current?.id === 'tips' ? (
          <TipsScreen me={me} />
        ) : current?.id === 'rewards' ? (
          <RewardsScreen />
        ) : current?.id === 'reveals' ? (
          <RevealQueueScreen />
        ) : current?.id === 'channels' ? (
          <NotifyChannelsScreen />
        ) : current?.id === 'media' ? (
          <MediaScreen />
        ) : current?.id === 'campaign' ? (
          <CampaignScreen />
        ) : current?.id === 'audit' ? (
          <AuditScreen />
        ) : (
          <p>请选择左侧的功能。</p>
        )}
      </main>
    </div>
  );
}
