/*
 * 失信曝光台 kiosk loop (served at /screen). Plain browser JS, same-origin requests only.
 *
 * Query string: interval (s, default 15), court, region, orientation (landscape|portrait),
 * staleAfter (s, default 60), recheck (s, default 5).
 *
 * Rules:
 * - Before every switch it re-fetches board.json for the next page, so a delisted person is
 *   never shown again; the slide on screen is also re-checked every `recheck` seconds and
 *   replaced as soon as its listing ids change.
 * - The next slide's PNG is preloaded and decoded before it replaces the current one.
 * - A slide stays on screen only while the API has confirmed it within `staleAfter` seconds.
 *   After that the kiosk shows the neutral slide (/api/v1/screens/neutral.png, fetched at
 *   start and kept in memory), or a pure-CSS neutral screen if even that is unavailable.
 * - It keeps retrying and resumes the loop by itself when the API answers again.
 * UNFINISHED: the loop shows board pages only; livelihood and statistics slides need routes first.
 * State for e2e tests: body[data-state] = starting | slide | neutral | css-neutral,
 * body[data-page], body[data-ids] (comma-separated listing ids on screen).
 */
(() => {
  const query = new URLSearchParams(location.search);
  const seconds = (name, fallback, min) => {
    const v = Number(query.get(name));
    return Number.isFinite(v) && v >= min ? v : fallback;
  };
  const cfg = {
    intervalMs: seconds('interval', 15, 2) * 1000,
    staleAfterMs: seconds('staleAfter', 60, 1) * 1000,
    recheckMs: seconds('recheck', 5, 1) * 1000,
    court: query.get('court') || '',
    region: query.get('region') || '',
    orientation: query.get('orientation') === 'portrait' ? 'portrait' : 'landscape',
  };
  const REQUEST_TIMEOUT_MS = 8000;

  const stage = document.getElementById('stage');
  const body = document.body;
  if (cfg.court) document.getElementById('neutral-court').textContent = cfg.court;

  /** what is on screen: { page, key } for a slide, null otherwise */
  let shown = null;
  /** when the API last confirmed the slide on screen */
  let confirmedAt = 0;
  let nextPage = 1;
  /** preloaded { page, key, img } for nextPage */
  let prepared = null;
  let neutralUrl = null;

  const filters = (extra) => {
    const p = new URLSearchParams(extra);
    if (cfg.court) p.set('court', cfg.court);
    if (cfg.region) p.set('region', cfg.region);
    p.set('orientation', cfg.orientation);
    return p.toString();
  };

  const withTimeout = (ms) => {
    const ctrl = new AbortController();
    const timer = setTimeout(() => ctrl.abort(), ms);
    return { signal: ctrl.signal, done: () => clearTimeout(timer) };
  };

  /** board.json for a page → { page, pages, ids, key } (key changes when the content does) */
  async function fetchBoard(page) {
    const t = withTimeout(REQUEST_TIMEOUT_MS);
    try {
      const res = await fetch(`/api/v1/screens/board.json?${filters({ page: String(page) })}`, {
        cache: 'no-store',
        signal: t.signal,
      });
      if (!res.ok) throw new Error(`board.json ${res.status}`);
      const j = await res.json();
      const ids = Array.isArray(j.listingIds) ? j.listingIds.map(String) : [];
      const pages = Math.max(1, Number(j.pages) || 1);
      return { page: Number(j.page) || page, pages, ids, key: `${j.page}:${ids.join(',')}` };
    } finally {
      t.done();
    }
  }

  /** Loads and decodes the PNG of a board before it is shown. */
  async function loadSlide(board) {
    const img = new Image();
    img.alt = '失信被执行人名单';
    img.decoding = 'async';
    // `v` changes with the listing ids, so neither the browser nor a proxy can serve an old slide.
    img.src = `/api/v1/screens/board.png?${filters({ page: String(board.page), v: hash(board.key) })}`;
    await Promise.race([
      img.decode(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('image timeout')), REQUEST_TIMEOUT_MS)),
    ]);
    return { page: board.page, pages: board.pages, ids: board.ids, key: board.key, img };
  }

  function hash(text) {
    let h = 2166136261;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
    return (h >>> 0).toString(36);
  }

  function showSlide(slide) {
    stage.replaceChildren(slide.img);
    shown = { page: slide.page, key: slide.key };
    confirmedAt = Date.now();
    body.dataset.state = 'slide';
    body.dataset.page = String(slide.page);
    body.dataset.ids = slide.ids.join(',');
  }

  function showNeutral() {
    shown = null;
    body.dataset.page = '';
    body.dataset.ids = '';
    if (neutralUrl) {
      const img = new Image();
      img.alt = '诚信立身　依法履行';
      img.src = neutralUrl;
      stage.replaceChildren(img);
      body.dataset.state = 'neutral';
    } else {
      stage.replaceChildren();
      body.dataset.state = 'css-neutral';
    }
  }

  /** Keeps the neutral slide in memory (a blob URL), so it can be shown with the network down. */
  async function loadNeutral() {
    if (neutralUrl) return;
    const t = withTimeout(REQUEST_TIMEOUT_MS);
    try {
      const res = await fetch(`/api/v1/screens/neutral.png?${filters({})}`, { signal: t.signal });
      if (res.ok && (res.headers.get('content-type') || '').startsWith('image/')) {
        neutralUrl = URL.createObjectURL(await res.blob());
      }
    } catch {
      // retried on the next cycle; the CSS fallback covers the gap
    } finally {
      t.done();
    }
  }

  /** One step of the loop: confirm the next page with the API, then show it. */
  async function advance() {
    loadNeutral();
    try {
      let board = await fetchBoard(nextPage);
      if (nextPage > board.pages) {
        nextPage = 1;
        board = await fetchBoard(1);
      }
      const slide = prepared && prepared.key === board.key ? prepared : await loadSlide(board);
      showSlide(slide);
      nextPage = (board.page % board.pages) + 1;
      prepared = null;
      prepareNext();
      return true;
    } catch {
      enforceFreshness();
      return false;
    }
  }

  /** Preloads the following slide in the background; advance() re-checks it before use. */
  async function prepareNext() {
    try {
      prepared = await loadSlide(await fetchBoard(nextPage));
    } catch {
      prepared = null;
    }
  }

  /** Re-checks the slide on screen; replaces it at once when its listings changed. */
  async function recheck() {
    if (!shown) return;
    const was = shown;
    try {
      const board = await fetchBoard(was.page);
      if (shown !== was) return;
      if (board.key === was.key) {
        confirmedAt = Date.now();
      } else {
        const fresh = await loadSlide(board);
        if (shown === was) showSlide(fresh);
      }
    } catch {
      enforceFreshness();
    }
  }

  /** Never keeps a listing on screen longer than staleAfter without confirmation. */
  function enforceFreshness() {
    const stale = Date.now() - confirmedAt > cfg.staleAfterMs;
    if ((shown && stale) || body.dataset.state === 'starting') showNeutral();
  }

  async function loop() {
    const ok = await advance();
    // While the API is down, retry sooner so the loop resumes quickly once it is back.
    setTimeout(loop, ok ? cfg.intervalMs : Math.min(cfg.intervalMs, 3000));
  }

  setInterval(recheck, cfg.recheckMs);
  setInterval(enforceFreshness, 1000);
  loop();
})();
