// Large-type mode (适老化). A classic blocking script in <head>: it applies the saved choice
// before the first paint, then wires the toggle button. Same-origin file, so CSP `script-src 'self'` holds.
(() => {
  const KEY = 'shixin:large-type';
  const root = document.documentElement;
  try {
    if (localStorage.getItem(KEY) === '1') root.classList.add('large-type');
  } catch {
    // storage blocked: default size
  }
  document.addEventListener('DOMContentLoaded', () => {
    const button = document.getElementById('large-type-toggle');
    if (!button) return;
    const sync = () => {
      const on = root.classList.contains('large-type');
      // The label stays 大字模式; aria-pressed (and the filled style) says whether it is on.
      button.setAttribute('aria-pressed', String(on));
    };
    sync();
    button.addEventListener('click', () => {
      const on = root.classList.toggle('large-type');
      try {
        localStorage.setItem(KEY, on ? '1' : '0');
      } catch {
        // storage blocked: the choice lasts for this page only
      }
      sync();
    });
  });
})();
