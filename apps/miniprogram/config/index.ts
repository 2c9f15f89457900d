import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from '@tarojs/cli';
import { NoNewFunctionPlugin } from './no-new-function.ts';

const appRoot = path.resolve(__dirname, '..');
const repoRoot = path.resolve(appRoot, '../..');
const workspacePackages = path.join(repoRoot, 'packages');

/**
 * One hoisted npm workspace also holds Astro/Vite: resolve the app's own node_modules first so
 * Taro's runtime and React 18 are the ones bundled (TOOLCHAIN-NOTES.md).
 */
// biome-ignore lint/suspicious/noExplicitAny: webpack-chain's type is not exported by Taro
const resolveAppFirst = (chain: any) => {
  chain.resolve.modules
    .clear()
    .add(path.join(appRoot, 'node_modules'))
    .add(path.join(repoRoot, 'node_modules'));
};

// Which mode the last build ran in (vitest's NODE_ENV=test builds without tree-shaking): the
// build-output test rebuilds when the output was not built for production.
if (process.env.TARO_ENV) {
  mkdirSync(path.join(appRoot, 'dist'), { recursive: true });
  writeFileSync(
    path.join(appRoot, 'dist', `${process.env.TARO_ENV}.mode`),
    process.env.NODE_ENV ?? 'production',
  );
}

/** Where the mini-program's API lives (https, ICP-filed); the H5 build calls its own origin. */
const apiBase = process.env.MINIPROGRAM_API_BASE ?? '';

export default defineConfig<'webpack5'>({
  projectName: 'shixin-portal',
  date: '2026-11-29',
  designWidth: 750,
  deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
  sourceRoot: 'src',
  // the server builds into a staging folder and renames it (apps/api features/miniprogram)
  outputRoot: process.env.MINIPROGRAM_OUTPUT_ROOT ?? `dist/${process.env.TARO_ENV}`,
  plugins: [],
  defineConstants: {
    API_BASE: JSON.stringify(apiBase),
    // subscription-message template for tip status changes; empty: the receipt page offers none
    TIP_TEMPLATE_ID: JSON.stringify(process.env.MINIPROGRAM_TIP_TEMPLATE_ID ?? ''),
  },
  framework: 'react',
  compiler: { type: 'webpack5', prebundle: { enable: false } },
  cache: { enable: false },
  mini: {
    compile: { include: [workspacePackages] },
    optimizeMainPackage: { enable: true },
    postcss: {
      pxtransform: { enable: true, config: {} },
      cssModules: { enable: false },
    },
    // biome-ignore lint/suspicious/noExplicitAny: webpack-chain's type is not exported by Taro
    webpackChain: (chain: any) => {
      resolveAppFirst(chain);
      chain.plugin('no-new-function').use(NoNewFunctionPlugin);
    },
  },
  h5: {
    publicPath: '/m/',
    staticDirectory: 'static',
    router: { mode: 'hash' },
    compile: { include: [workspacePackages] },
    output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[contenthash:8].js' },
    miniCssExtractPluginOption: {
      ignoreOrder: true,
      filename: 'css/[name].[contenthash:8].css',
      chunkFilename: 'css/[name].[contenthash:8].css',
    },
    postcss: {
      autoprefixer: { enable: true, config: {} },
      cssModules: { enable: false },
    },
    webpackChain: resolveAppFirst,
  },
});
