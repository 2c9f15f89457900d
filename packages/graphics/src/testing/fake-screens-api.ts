import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { kioskAssets } from '../kiosk-assets.ts';
import { toPng } from '../render.ts';

/**
 * A stand-in for the screens routes of the API, for driving the kiosk page in Chromium:
 * `ids` is the published list (`livelihoodIds` its 涉民生 part), `rewards` the 悬赏 notices in
 * force, `down` makes every API call fail like a dropped network. Like the real API, a page past the last one answers 400.
 */
export interface FakeScreensApi {
  url: string;
  ids: string[];
  livelihoodIds: string[];
  /** null: the API has no `/api/v1/rewards` (answers 404) */
  rewards: { id: string; listingId: string; court?: string }[] | null;
  /** notice ids whose poster fails to render (500) */
  brokenPosters: string[];
  down: boolean;
  neutralDown: boolean;
  perPage: number;
  close(): Promise<void>;
}

const tinyPng = (color: string) =>
  toPng(
    `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="9"><rect width="16" height="9" fill="${color}"/></svg>`,
    160,
  );

export async function startFakeScreensApi(ids: string[]): Promise<FakeScreensApi> {
  const slidePng = await tinyPng('#0b1e3d');
  const neutralPng = await tinyPng('#a3161a');
  const posterPng = await tinyPng('#ffffff');
  const api: FakeScreensApi = {
    url: '',
    ids,
    livelihoodIds: [],
    rewards: [],
    brokenPosters: [],
    down: false,
    neutralDown: false,
    perPage: 2,
    close: async () => {},
  };
  const server: Server = createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    const send = (status: number, type: string, body: string | Buffer) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    };
    if (u.pathname === '/screen') return send(200, 'text/html; charset=utf-8', kioskAssets().html);
    if (u.pathname === '/screen/kiosk.js')
      return send(200, 'text/javascript; charset=utf-8', kioskAssets().js);
    if (api.down) return req.socket.destroy();
    const list = u.searchParams.get('livelihood') === 'true' ? api.livelihoodIds : api.ids;
    const pages = Math.max(1, Math.ceil(list.length / api.perPage));
    const page = Math.max(1, Number(u.searchParams.get('page')) || 1);
    if (u.pathname === '/api/v1/health') return send(200, 'application/json', '{"status":"ok"}');
    if (u.pathname === '/api/v1/screens/board.json') {
      if (page > pages) return send(400, 'application/json', '{"error":{"code":"INVALID_PARAMETER"}}');
      const listingIds = list.slice((page - 1) * api.perPage, page * api.perPage);
      return send(200, 'application/json', JSON.stringify({ page, pages, listingIds }));
    }
    if (u.pathname === '/api/v1/screens/board.png' || u.pathname === '/api/v1/screens/livelihood.png')
      return send(200, 'image/png', slidePng);
    if (u.pathname === '/api/v1/screens/neutral.png' && !api.neutralDown)
      return send(200, 'image/png', neutralPng);
    if (u.pathname === '/api/v1/screens/stats.png') {
      // like the real route: the statistics slide has no pages, and unknown parameters are refused
      if (u.searchParams.has('page'))
        return send(400, 'application/json', '{"error":{"code":"INVALID_PARAMETER"}}');
      return send(200, 'image/png', slidePng);
    }
    if (u.pathname === '/api/v1/rewards' && api.rewards) {
      return send(200, 'application/json', JSON.stringify({ items: api.rewards, total: api.rewards.length }));
    }
    const poster = /^\/api\/v1\/screens\/rewards\/([^/]+)\.png$/.exec(u.pathname);
    if (poster && api.brokenPosters.includes(decodeURIComponent(poster[1] ?? ''))) {
      return send(500, 'application/json', '{"error":{"code":"INTERNAL","message":"内部错误"}}');
    }
    if (poster && api.rewards?.some((n) => n.id === decodeURIComponent(poster[1] ?? ''))) {
      return send(200, 'image/png', posterPng);
    }
    return send(404, 'application/json', '{"error":{"code":"NOT_FOUND","message":"未找到"}}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  api.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  api.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return api;
}
