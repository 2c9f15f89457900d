/*
 * 失信曝光台 kiosk loop (served at /screen). Plain browser JS, same-origin requests only.
 *
 * Query string: interval (s, default 15), court, region, orientation (landscape|portrait),
 * staleAfter (s, default 60), recheck (s, default 5), slides (default board,livelihood,stats,reward).
 *
 * Rules:
 * - The deck is every board page, then every 涉民生 page (skipped when there are none), then the
 *   statistics slide, then one slide per 悬赏 notice in force (GET /api/v1/rewards; skipped when
 *   there are none; with `court`, only that court's notices): the 16:9 notice slide on landscape
 *   screens, the A4 poster on portrait ones. Before every switch it re-fetches board.json for the next page, so a
 *   delisted person is never shown again; the slide on screen is also re-checked every `recheck`
 *   seconds and replaced as soon as its listing ids change.
 * - A page the API no longer has (the list got shorter) restarts the deck at its first slide.
 * - The next slide's PNG is preloaded and decoded before it replaces the current one.
 * - A slide stays on screen only while the API has confirmed it within `staleAfter` seconds.
 *   After that the kiosk shows the neutral slide (/api/v1/screens/neutral.png, fetched at
 *   start and kept in memory), or a pure-CSS neutral screen if even that is unavailable.
 * - It keeps retrying and resumes the loop by itself when the API answers again.
 * State for tests: body[data-state] = starting | slide | neutral | css-neutral, body[data-slide]
 * = board | livelihood | stats | reward, body[data-page], body[data-ids] = listing ids on screen,
 * body[data-notice] = the 悬赏 notice on screen.
 */
(() => {
  const query = new URLSearchParams(location.search);
  const seconds = (name, fallback, min) => {
    const v = Number(query.get(name));
    return Number.isFinite(v) && v >= min ? v : fallback;
  };
  const KINDS = ['board', 'livelihood', 'stats', 'reward'];
  const wanted = (query.get('slides') || '').split(',').filter((k) => KINDS.includes(k));
  const cfg = {
    intervalMs: seconds('interval', 15, 2) * 1000,
    staleAfterMs: seconds('staleAfter', 60, 1) * 1000,
    recheckMs: seconds('recheck', 5, 1) * 1000,
    court: query.get('court') || '',
    region: query.get('region') || '',
    orientation: query.get('orientation') === 'portrait' ? 'portrait' : 'landscape',
    deck: wanted.length > 0 ? KINDS.filter((k) => wanted.includes(k)) : KINDS,
  };
  const REQUEST_TIMEOUT_MS = 8000;
  const IMAGE = { board: 'board.png', livelihood: 'livelihood.png', stats: 'stats.png' };
  const ALT = {
    board: '失信被执行人名单',
    livelihood: '涉民生失信被执行人名单',
    stats: '失信惩戒工作统计',
    reward: '悬赏公告',
  };

  const stage = document.getElementById('stage');
  const body = document.body;
  if (cfg.court) document.getElementById('neutral-court').textContent = cfg.court;

  /** on screen: { kind, page, key } for a slide, null otherwise */
  let shown = null;
  /** when the API last confirmed the slide on screen */
  let confirmedAt = 0;
  /** the slide to show next: { kind, page } */
  let next = { kind: cfg.deck[0], page: 1 };
  /** preloaded { kind, page, key, img } for `next` */
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

  async function getJson(path) {
    const t = withTimeout(REQUEST_TIMEOUT_MS);
    try {
      const res = await fetch(path, { cache: 'no-store', signal: t.signal });
      if (res.status === 400) throw Object.assign(new Error('page gone'), { pageGone: true });
      if (!res.ok) throw Object.assign(new Error(`${path} ${res.status}`), { status: res.status });
      return await res.json();
    } finally {
      t.done();
    }
  }

  /** What a slide shows now → { kind, page, pages, ids, key } (key changes when the content does). */
  async function fetchSlide(pos) {
    if (pos.kind === 'stats') {
      // no listings on it; a health answer confirms the API is up, the minute keeps figures fresh
      await getJson('/api/v1/health');
      const minute = Math.floor(Date.now() / 60000);
      return { kind: 'stats', page: 1, pages: 1, ids: [], key: `stats:${minute}` };
    }
    if (pos.kind === 'reward') return fetchRewardSlide(pos);
    const extra = { page: String(pos.page) };
    if (pos.kind === 'livelihood') extra.livelihood = 'true';
    const j = await getJson(`/api/v1/screens/board.json?${filters(extra)}`);
    const ids = Array.isArray(j.listingIds) ? j.listingIds.map(String) : [];
    const pages = Math.max(1, Number(j.pages) || 1);
    const page = Number(j.page) || pos.page;
    const empty = pos.kind === 'livelihood' && ids.length === 0;
    return { kind: pos.kind, page, pages, ids, key: `${pos.kind}:${page}:${ids.join(',')}`, empty };
  }

  /**
   * The `page`-th 悬赏 notice in force (one poster per page). The list is fetched again for every
   * switch and recheck, so a notice that ended, or whose listing was removed, leaves the screen.
   */
  async function fetchRewardSlide(pos) {
    let j;
    try {
      j = await getJson('/api/v1/rewards');
    } catch (error) {
      // The API answered but without a list (no notices feature, a refusal): the loop goes on
      // without 悬赏 slides. No answer at all is the API being down, handled as for any slide.
      if (!error.status) throw error;
      j = { items: [] };
    }
    const all = Array.isArray(j.items) ? j.items : [];
    const items = cfg.court ? all.filter((n) => !n.court || n.court === cfg.court) : all;
    const pages = Math.max(1, items.length);
    if (items.length > 0 && pos.page > items.length) {
      throw Object.assign(new Error('notice gone'), { pageGone: true });
    }
    const notice = items[pos.page - 1];
    if (!notice) return { kind: 'reward', page: 1, pages, ids: [], key: 'reward:none', empty: true };
    const ids = notice.listingId ? [String(notice.listingId)] : [];
    const noticeId = String(notice.id);
    const key = `reward:${pos.page}:${noticeId}:${ids.join(',')}:${notice.updatedAt || ''}`;
    return { kind: 'reward', page: pos.page, pages, ids, noticeId, key };
  }

  /** Where a slide's PNG is; `v` changes with the content, so no cache can serve an old slide. */
  function imageUrl(slide) {
    if (slide.kind === 'reward') {
      // landscape screens get the 16:9 slide, portrait ones the A4 poster
      const shape = cfg.orientation === 'landscape' ? 'orientation=landscape&' : '';
      return `/api/v1/screens/rewards/${encodeURIComponent(slide.noticeId)}.png?${shape}v=${hash(slide.key)}`;
    }
    // the statistics slide has no pages (its route refuses a `page` parameter)
    const page = slide.kind === 'stats' ? {} : { page: String(slide.page) };
    return `/api/v1/screens/${IMAGE[slide.kind]}?${filters({ ...page, v: hash(slide.key) })}`;
  }

  /** Loads and decodes the PNG of a slide before it is shown. */
  async function loadSlide(slide) {
    const img = new Image();
    img.alt = ALT[slide.kind];
    img.decoding = 'async';
    img.src = imageUrl(slide);
    await Promise.race([
      img.decode(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('image timeout')), REQUEST_TIMEOUT_MS)),
    ]);
    return { ...slide, img };
  }

  function hash(text) {
    let h = 2166136261;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
    return (h >>> 0).toString(36);
  }

  /** The position after `slide`: its next page, else the first page of the next kind in the deck. */
  function following(slide) {
    if (slide.page < slide.pages) return { kind: slide.kind, page: slide.page + 1 };
    const i = cfg.deck.indexOf(slide.kind);
    return { kind: cfg.deck[(i + 1) % cfg.deck.length], page: 1 };
  }

  function showSlide(slide) {
    stage.replaceChildren(slide.img);
    shown = { kind: slide.kind, page: slide.page, key: slide.key };
    confirmedAt = Date.now();
    body.dataset.state = 'slide';
    body.dataset.slide = slide.kind;
    body.dataset.page = String(slide.page);
    body.dataset.ids = slide.ids.join(',');
    body.dataset.notice = slide.noticeId || '';
  }

  function showNeutral() {
    shown = null;
    body.dataset.slide = '';
    body.dataset.page = '';
    body.dataset.ids = '';
    body.dataset.notice = '';
    if (neutralUrl) {
      const img = new Image();
      img.alt = '诚信立身　依法履行';
      img.onerror = () => img.isConnected && showCssNeutral();
      img.src = neutralUrl;
      stage.replaceChildren(img);
      body.dataset.state = 'neutral';
    } else {
      showCssNeutral();
    }
  }

  function showCssNeutral() {
    stage.replaceChildren();
    body.dataset.state = 'css-neutral';
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

  /** The next slide worth showing: skips an empty 涉民生 or 悬赏 deck, restarts when a page is gone. */
  async function confirmNext() {
    for (let tries = 0; tries <= cfg.deck.length; tries++) {
      try {
        const slide = await fetchSlide(next);
        if (!slide.empty || cfg.deck.length === 1) return slide;
        next = following({ ...slide, page: slide.pages });
      } catch (error) {
        if (!error.pageGone) throw error;
        next = next.page > 1 ? { kind: next.kind, page: 1 } : following({ ...next, pages: 1 });
      }
    }
    throw new Error('nothing to show');
  }

  /** One step of the loop: confirm the next slide with the API, then show it. */
  async function advance() {
    loadNeutral();
    let slide;
    try {
      slide = await confirmNext();
    } catch {
      enforceFreshness();
      return false;
    }
    try {
      const ready = prepared && prepared.key === slide.key ? prepared : await loadSlide(slide);
      showSlide(ready);
    } catch {
      // The API confirmed the slide but its picture failed (a poster that cannot be drawn): go on
      // with the rest of the deck instead of retrying this one forever.
      next = following(slide);
      prepared = null;
      enforceFreshness();
      return false;
    }
    next = following(slide);
    prepared = null;
    prepareNext();
    return true;
  }

  /** Preloads the following slide in the background; advance() re-checks it before use. */
  async function prepareNext() {
    try {
      prepared = await loadSlide(await fetchSlide(next));
    } catch {
      prepared = null;
    }
  }

  /** Re-checks the slide on screen; replaces it at once when its listings changed. */
  async function recheck() {
    if (!shown) return;
    const was = shown;
    try {
      const slide = await fetchSlide(was);
      if (shown !== was) return;
      if (slide.empty) {
        showNeutral(); // e.g. the only 悬赏 notice ended: nothing of that kind may stay up
        return;
      }
      if (slide.key === was.key || slide.kind === 'stats') {
        confirmedAt = Date.now();
      } else {
        const fresh = await loadSlide(slide);
        if (shown === was) showSlide(fresh);
      }
    } catch (error) {
      // the page on screen no longer exists: take it down now rather than after staleAfter
      if (error.pageGone && shown === was) showNeutral();
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
    setTimeout(loop, ok ? cfg.intervalMs : Math.min(cfg.intervalMs, 3000)); // API down: retry sooner
  }

  setInterval(recheck, cfg.recheckMs);
  setInterval(enforceFreshness, 1000);
  loop();
})();
