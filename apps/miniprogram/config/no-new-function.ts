/**
 * webpack 5.91's global-object helper ends in `this || new Function('return this')()`. The
 * mini-program platform forbids `new Function` (and review flags it); every WeChat engine has
 * `globalThis`, which the helper tries first, so the fallback is dead code: this plugin drops it
 * from the emitted JavaScript.
 */
const FALLBACK = /new Function\((["'])return this\1\)\(\)/g;

export class NoNewFunctionPlugin {
  // biome-ignore lint/suspicious/noExplicitAny: webpack's Compiler type comes from Taro's copy of webpack
  apply(compiler: any) {
    const { Compilation, sources } = compiler.webpack;
    // biome-ignore lint/suspicious/noExplicitAny: as above
    compiler.hooks.compilation.tap('NoNewFunctionPlugin', (compilation: any) => {
      compilation.hooks.processAssets.tap(
        { name: 'NoNewFunctionPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_TRANSFER },
        // biome-ignore lint/suspicious/noExplicitAny: as above
        (assets: Record<string, any>) => {
          for (const [name, asset] of Object.entries(assets)) {
            if (!name.endsWith('.js')) continue;
            const code = String(asset.source());
            if (FALLBACK.test(code)) {
              compilation.updateAsset(name, new sources.RawSource(code.replace(FALLBACK, 'undefined')));
            }
            FALLBACK.lastIndex = 0;
          }
        },
      );
    });
  }
}
