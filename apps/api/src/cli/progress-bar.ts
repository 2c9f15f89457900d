/**
 * A one-line progress bar on stderr (`导入 [#####     ] 1200/2400 50%`), redrawn in place.
 * @example const bar = progressBar(100, '导出'); bar.tick(10); bar.done();
 */
export function progressBar(total: number, label: string, width = 30) {
  let done = 0;
  const draw = () => {
    const ratio = total === 0 ? 1 : Math.min(1, done / total);
    const filled = Math.round(ratio * width);
    process.stderr.write(
      `\r${label} [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total} ${Math.round(ratio * 100)}%`,
    );
  };
  draw();
  return {
    tick(n = 1) {
      done += n;
      draw();
    },
    done() {
      process.stderr.write('\n');
    },
  };
}
