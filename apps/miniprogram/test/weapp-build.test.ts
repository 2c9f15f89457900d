/**
 * Checks of the WeChat build output (dist/weapp) — what WeChat DevTools would load and the
 * platform would enforce. Builds it first when missing or older than the sources; skips with a
 * notice only when the build cannot run at all on this machine.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const APP = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(APP, 'dist', 'weapp');
/** The platform's hard limit per package is 2 MB; the issue asks ≤ 1 MB and targets 600 KB. */
const MAIN_PACKAGE_BUDGET = 600 * 1024;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );
}
const newest = (dir: string) => Math.max(...files(dir).map((f) => statSync(f).mtimeMs));

let built = false;
let buildNotice = '';
beforeAll(() => {
  const appJson = join(DIST, 'app.json');
  // a build in another mode (e.g. `taro build --watch`, or NODE_ENV=test) is not what ships: rebuild
  const modeFile = join(APP, 'dist', 'weapp.mode');
  const production = () => existsSync(modeFile) && readFileSync(modeFile, 'utf8') === 'production';
  const fresh =
    existsSync(appJson) &&
    statSync(appJson).mtimeMs >= Math.max(newest(join(APP, 'src')), newest(join(APP, 'config'))) &&
    production();
  if (fresh) {
    built = true;
    return;
  }
  const started = Date.now();
  // vitest sets NODE_ENV=test, which would make Taro build unminified: build as people do
  const run = spawnSync('npm', ['run', 'build:weapp'], {
    cwd: APP,
    encoding: 'utf8',
    timeout: 590_000,
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (run.error) {
    buildNotice = `weapp build could not run (${run.error.message})`;
    console.warn(`\n[miniprogram] NOTICE: ${buildNotice}; build-output checks SKIPPED.\n`);
    return;
  }
  if (run.status !== 0) throw new Error(`npm run build:weapp failed:\n${run.stdout}\n${run.stderr}`);
  console.log(`[miniprogram] weapp build took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  built = true;
}, 600_000);

const appConfig = () =>
  JSON.parse(readFileSync(join(DIST, 'app.json'), 'utf8')) as {
    pages: string[];
    subPackages?: { root: string; pages: string[] }[];
    requiredPrivateInfos?: string[];
    permission?: Record<string, { desc: string }>;
  };
const read = (rel: string) => readFileSync(join(DIST, rel), 'utf8');

describe('WeChat build output', () => {
  it('lists search and detail in the main package and the rarely used pages in a subpackage', (ctx) => {
    if (!built) ctx.skip();
    const app = appConfig();
    expect(app.pages).toEqual(['pages/search/index', 'pages/detail/index']);
    const sub = app.subPackages?.find((s) => s.root === 'sub');
    expect(sub?.pages.sort()).toEqual(
      [
        'my-tips/index',
        'notice/index',
        'notices/index',
        'privacy/index',
        'rewards/index',
        'tip/index',
      ].sort(),
    );
    const all = [...app.pages, ...(sub?.pages.map((p) => `sub/${p}`) ?? [])];
    for (const page of all) {
      for (const ext of ['.js', '.json', '.wxml'])
        expect(existsSync(join(DIST, page + ext)), page + ext).toBe(true);
    }
  });

  it(`keeps the main package under ${MAIN_PACKAGE_BUDGET / 1024} KB`, (ctx) => {
    if (!built) ctx.skip();
    const roots = (appConfig().subPackages ?? []).map((s) => `${s.root}/`);
    let main = 0;
    const perSub: Record<string, number> = {};
    for (const file of files(DIST)) {
      const rel = relative(DIST, file).split('\\').join('/');
      const root = roots.find((r) => rel.startsWith(r));
      const size = statSync(file).size;
      if (root) perSub[root] = (perSub[root] ?? 0) + size;
      else main += size;
    }
    console.log(
      `[miniprogram] main package ${(main / 1024).toFixed(1)} KB; subpackages ${Object.entries(perSub)
        .map(([r, s]) => `${r} ${(s / 1024).toFixed(1)} KB`)
        .join(', ')}`,
    );
    expect(main).toBeLessThanOrEqual(MAIN_PACKAGE_BUDGET);
    for (const size of Object.values(perSub)) expect(size).toBeLessThanOrEqual(2 * 1024 * 1024);
  });

  it('contains no eval or new Function (refused by the platform and by review)', (ctx) => {
    if (!built) ctx.skip();
    const offenders = files(DIST)
      .filter((f) => f.endsWith('.js'))
      .filter((f) => /(?<![\w$.])eval\s*\(|new\s+Function\s*\(/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(DIST, f));
    expect(offenders).toEqual([]);
  });

  it('declares chooseLocation in requiredPrivateInfos and keeps permission texts within 30 characters', (ctx) => {
    if (!built) ctx.skip();
    const app = appConfig();
    expect(app.requiredPrivateInfos).toEqual(['chooseLocation']);
    for (const [scope, { desc }] of Object.entries(app.permission ?? {})) {
      expect([...desc].length, scope).toBeLessThanOrEqual(30);
      expect(desc.length, scope).toBeGreaterThan(0);
    }
  });

  it('runs the privacy-consent flow on the page that picks photos and places', (ctx) => {
    if (!built) ctx.skip();
    const tipJs = read('sub/tip/index.js') + read('sub/sub-vendors.js');
    expect(tipJs).toContain('onNeedPrivacyAuthorization');
    expect(tipJs).toContain('agreePrivacyAuthorization');
    expect(tipJs).toContain('chooseMedia');
    expect(tipJs).toContain('chooseLocation');
    // the agree button's event must be bound in the templates, or the tap grants nothing
    expect(read('base.wxml')).toMatch(/bindagreeprivacyauthorization/i);
  });

  it('never reads the browser position on WeChat, and asks for the status subscription after the receipt', (ctx) => {
    if (!built) ctx.skip();
    const tipJs = read('sub/tip/index.js');
    // WeChat uses its own picker; no foreground or background location API is called
    expect(tipJs).not.toMatch(/getCurrentPosition|startLocationUpdate|getLocation\(/);
    expect(tipJs).toContain('requestSubscribeMessage');
    // every photo goes up on its own through uploadFile, to the per-photo route
    expect(tipJs).toContain('uploadFile');
    expect(tipJs).toContain('/api/v1/tips/photos');
  });

  it('enables sharing to chats and Moments on the listing and notice pages', (ctx) => {
    if (!built) ctx.skip();
    for (const page of [
      'pages/detail/index',
      'pages/search/index',
      'sub/notices/index',
      'sub/notice/index',
    ]) {
      const config = JSON.parse(read(`${page}.json`)) as Record<string, unknown>;
      const js = read(`${page}.js`);
      // Taro puts the flags in the page JSON or compiles them into the page JS
      const flags = {
        enableShareAppMessage:
          config.enableShareAppMessage === true || /enableShareAppMessage:\s*(!0|true)/.test(js),
        enableShareTimeline:
          config.enableShareTimeline === true || /enableShareTimeline:\s*(!0|true)/.test(js),
      };
      expect(flags.enableShareAppMessage, page).toBe(true);
      expect(flags.enableShareTimeline, page).toBe(true);
    }
    // the detail page shares the listing's card image
    expect(read('pages/detail/index.js') + read('common.js')).toContain('/api/v1/screens/cards/');
  });
});
