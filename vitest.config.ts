import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';
import { CHROMIUM_PATH } from './tests/support/chromium.ts';

/** Tests that drive Debian's Chromium (`apt-get install -y chromium fonts-noto-cjk`; .ci/run does). */
const BROWSER_TESTS = [
  'apps/web/test/with-api.test.ts',
  'apps/web/test/screenshots.test.ts',
  'apps/web/test/pages-browser.test.ts',
  'apps/web/test/tip-form-browser.test.ts',
  'apps/web/test/tip-receipt-rewards-browser.test.ts',
  'tests/e2e/tips-site.test.ts',
  'tests/e2e/site.test.ts',
  'tests/e2e/screens.test.ts',
  'tests/e2e/console.test.ts',
  'tests/e2e/console-work.test.ts',
  'tests/e2e/console-campaign.test.ts',
  'tests/e2e/console-media.test.ts',
  'tests/e2e/console-tips.test.ts',
  'tests/e2e/console-channels.test.ts',
  'tests/e2e/miniprogram-h5.test.ts',
  'packages/graphics/src/kiosk/kiosk.test.ts',
];
const hasChromium = existsSync(CHROMIUM_PATH);
if (!hasChromium) {
  console.warn(
    `\n[browser] NOTICE: /usr/bin/chromium not found: ${BROWSER_TESTS.length} browser test files are SKIPPED ` +
      '(apt-get install -y chromium fonts-noto-cjk to run them).\n',
  );
}
const exclude = [...configDefaults.exclude, ...(hasChromium ? [] : BROWSER_TESTS)];

/**
 * One test command for the whole repo. `unit` holds package and API tests (in process, both
 * database backends); `e2e` boots the real server and drives Debian's Chromium; `web` builds the
 * static site and checks it in Chromium. Browser tests are skipped, with a notice, where Chromium
 * is not installed.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'apps/api/src/**/*.test.ts'],
          exclude,
          globalSetup: ['tests/support/postgres-global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: 'forks',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          exclude,
          globalSetup: [
            'tests/support/postgres-global-setup.ts',
            'tests/support/miniprogram-global-setup.ts',
          ],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'web',
          include: ['apps/web/test/**/*.test.ts'],
          exclude,
          globalSetup: ['apps/web/test/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        // the mini-program: build-output checks of the weapp build, component tests in jsdom
        // with Taro's React components for the web and a stand-in for the WeChat runtime
        resolve: {
          alias: [
            { find: /^@tarojs\/components$/, replacement: '@tarojs/components-react' },
            {
              find: /^@tarojs\/taro$/,
              replacement: fileURLToPath(new URL('./apps/miniprogram/test/taro-mock.ts', import.meta.url)),
            },
          ],
        },
        // Taro's build-time constants (its webpack build defines them)
        define: {
          API_BASE: JSON.stringify(''),
          DEPRECATED_ADAPTER_COMPONENT: 'false',
          'process.env.TARO_ENV': JSON.stringify('h5'),
          'process.env.TARO_PLATFORM': JSON.stringify('web'),
          'process.env.SUPPORT_TARO_POLYFILL': JSON.stringify('disabled'),
          ...Object.fromEntries(
            [
              'ADJACENT_HTML',
              'CLONE_NODE',
              'CONTAINS',
              'INNER_HTML',
              'MUTATION_OBSERVER',
              'SIZE_APIS',
              'TEMPLATE_CONTENT',
            ].map((name) => [`ENABLE_${name}`, 'true']),
          ),
        },
        test: {
          name: 'miniprogram',
          include: ['apps/miniprogram/test/**/*.test.{ts,tsx}'],
          exclude,
          testTimeout: 30_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
