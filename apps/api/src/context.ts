import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Database, IdNumberVault } from '@portal/db';
import type { SearchIndex } from '@portal/search';
import type { Env } from './env.ts';
import type { ScreenCache } from './features/screens/screen-cache.ts';
import type { SearchCache } from './features/search/search-cache.ts';
import type { TipsServices } from './features/tips/tips-services.ts';
import type { WechatServices } from './features/wechat/wechat-services.ts';
import type { RateLimitStore } from './http/rate-limit.ts';
import type { Logger } from './logger.ts';
import type { SealedBox } from './secrets/sealed-box.ts';

/** Notified after a transaction that queued outbox work commits, so the worker runs at once. */
export interface OutboxSignal {
  wake(): void;
}

/** Everything a route needs, built once by `main.ts` (or by a test). */
export interface AppDeps {
  env: Env;
  logger: Logger;
  db: Database;
  dbKind: 'pglite' | 'postgres';
  search: SearchIndex;
  hashIdentifier: (value: string) => string;
  outbox: OutboxSignal;
  rateLimitStore: RateLimitStore;
  /** Board plans and rendered slides; invalidated whenever the read model changes. */
  screens: ScreenCache;
  /** Serialized search answers; invalidated whenever the read model changes. */
  searchCache: SearchCache;
  /** Encrypts personal data at rest (requester and tipster identities). */
  sealedBox: SealedBox;
  /** Encrypts listed persons' full ID numbers at rest (AES-256-GCM, AAD = row + column). */
  idVault: IdNumberVault;
  /** Tip-offs and 悬赏: keys, photo store, limits, notification targets. */
  tips: TipsServices;
  /** The mini-program's WeChat server API (off without WECHAT_APPID and WECHAT_SECRET). */
  wechat: WechatServices;
  /** Injected so tests can move time (listing terms, deadlines, rate windows). */
  now: () => Date;
  /** Folder of the built static site, when there is one. */
  siteDir?: string;
}

export type AppEnv = {
  Variables: {
    requestId: string;
    /** who the client is, set once by http/client-identity.ts */
    clientAddress?: string;
    staff?: import('./features/staff/principal.ts').StaffPrincipal;
  };
};

/** The application every route registers on: contract routes via `app.openapi(route, handler)`. */
export type ApiApp = OpenAPIHono<AppEnv>;
