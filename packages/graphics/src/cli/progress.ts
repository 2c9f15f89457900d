/**
 * A one-line progress bar on stderr: `[#####     ] 12/30`. Redrawn in place on a terminal,
 * printed only at 10 % steps otherwise (CI logs, pipes).
 */
export function progressBar(total: number, width = 30, out: NodeJS.WriteStream = process.stderr) {
  let lastDecile = -1;
  return {
    update(done: number, label = ''): void {
      const filled = total === 0 ? width : Math.round((done / total) * width);
      const text = `[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total}${label ? ` ${label}` : ''}`;
      if (out.isTTY) {
        out.write(`\r${text}\x1b[K`);
        return;
      }
      const decile = total === 0 ? 10 : Math.floor((done / total) * 10);
      if (decile !== lastDecile || done === total) {
        lastDecile = decile;
        out.write(`${text}\n`);
      }
    },
    finish(): void {
      if (out.isTTY) out.write('\n');
    },
  };
}
