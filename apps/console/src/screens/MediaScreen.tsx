import { type ApiRoute, deckZipRoute, newspaperPdfRoute } from '@portal/contract';
import type { CallInput } from '@portal/contract/client';
import { useState } from 'react';
import { ApiClientError, api } from '../api.ts';
import { ErrorBanner } from '../components/ErrorBanner.tsx';

type Orientation = 'landscape' | 'portrait';

interface Downloaded {
  file: string;
  bytes: number;
}

/** The file name the API proposes (`filename*=UTF-8''…` first, the ASCII `filename=` otherwise). */
function fileNameOf(res: Response, fallback: string): string {
  const cd = res.headers.get('Content-Disposition') ?? '';
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(cd)?.[1];
  if (utf8) {
    try {
      return decodeURIComponent(utf8);
    } catch {
      // a malformed escape: fall through to the plain name
    }
  }
  return /filename="([^"]+)"/i.exec(cd)?.[1] ?? fallback;
}

/**
 * GETs a file route with the session cookie and hands it to the browser's downloads. Errors come
 * back as the API's envelope, shown like any other call's.
 */
async function download<R extends ApiRoute>(
  route: R,
  input: Pick<CallInput<R>, 'query'>,
  fallback: string,
): Promise<Downloaded> {
  let res: Response;
  try {
    res = await fetch(api.url(route, input), { credentials: 'same-origin' });
  } catch {
    throw new ApiClientError({
      status: 0,
      code: 'NETWORK_ERROR',
      message: '无法连接服务器，请检查网络后重试。',
    });
  }
  if (!res.ok) {
    const envelope = (await res.json().catch(() => null)) as {
      error?: { code?: string; message?: string };
    } | null;
    throw new ApiClientError({
      status: res.status,
      code: envelope?.error?.code ?? 'HTTP_ERROR',
      message: envelope?.error?.message ?? `下载失败（HTTP ${res.status}），请稍后再试。`,
      enveloped: Boolean(envelope?.error),
    });
  }
  const blob = await res.blob();
  const file = fileNameOf(res, fallback);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = file;
  document.body.append(a);
  a.click();
  a.remove();
  // the browser has taken the blob once the click is handled; keep it a moment for slow ones
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { file, bytes: blob.size };
}

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/**
 * 媒体素材 (court admins): the TV deck (the deck export's slides, one ZIP) and the newspaper page
 * (a vector PDF, A3 or A4) of the list as published right now, for TV stations, cinemas and
 * newspapers.
 */
export function MediaScreen() {
  const [orientation, setOrientation] = useState<Orientation>('landscape');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<Downloaded | null>(null);

  async function run(label: string, job: () => Promise<Downloaded>) {
    setBusy(label);
    setError(null);
    setDone(null);
    try {
      setDone(await job());
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  }

  const deck = () =>
    run('电视轮播素材', () => download(deckZipRoute, { query: { orientation } }, 'tv-deck.zip'));
  const newspaper = (size: 'A3' | 'A4') =>
    run(`${size} 报纸版面`, () => download(newspaperPdfRoute, { query: { size } }, `newspaper-${size}.pdf`));

  return (
    <section aria-labelledby="media-title">
      <h1 id="media-title">媒体素材</h1>
      <p className="muted">
        素材按下载时公布中的名单生成，已删除的信息不会出现；演示数据均有“演示数据”标注，不得对外发布。
      </p>
      <ErrorBanner error={error} />
      {busy ? (
        <div className="progress" role="status">
          <progress aria-label="生成进度" />
          <span>正在生成{busy}，名单较长时需要十几秒…</span>
        </div>
      ) : done ? (
        <p className="ok" role="status">
          已下载“{done.file}”（{sizeText(done.bytes)}）。
        </p>
      ) : null}
      <div className="columns">
        <section className="card" aria-labelledby="deck-title">
          <h2 id="deck-title">电视轮播素材</h2>
          <p>
            与大屏轮播相同的画面：名单轮播页、统计页，以及列明每页所示名单的清单（manifest.json），打包为
            ZIP，供电视台、影院播放。
          </p>
          <fieldset>
            <legend>画面方向</legend>
            <div className="choices">
              <label>
                <input
                  type="radio"
                  name="deck-orientation"
                  value="landscape"
                  checked={orientation === 'landscape'}
                  onChange={() => setOrientation('landscape')}
                />
                横屏（1920×1080）
              </label>
              <label>
                <input
                  type="radio"
                  name="deck-orientation"
                  value="portrait"
                  checked={orientation === 'portrait'}
                  onChange={() => setOrientation('portrait')}
                />
                竖屏（1080×1920）
              </label>
            </div>
          </fieldset>
          <div className="actions">
            <button type="button" className="primary" disabled={busy !== null} onClick={deck}>
              下载电视轮播素材（ZIP）
            </button>
          </div>
        </section>
        <section className="card" aria-labelledby="newspaper-title">
          <h2 id="newspaper-title">报纸版面</h2>
          <p>
            矢量
            PDF，内嵌字体，可直接交报社印刷：公告正文（法释〔2017〕7号），第六条规定公布的信息（身份证号码隐去出生月日），限制消费事项，以及举报方式和举报二维码。
          </p>
          <p className="muted">
            涉民生案件在前，其余按公布日期由近及远排列。名单较长时只刊登其中一部分，版面首页注明刊登了多少条。
          </p>
          <div className="actions">
            <button
              type="button"
              className="primary"
              disabled={busy !== null}
              onClick={() => newspaper('A3')}
            >
              下载 A3 版面（PDF）
            </button>
            <button
              type="button"
              className="secondary"
              disabled={busy !== null}
              onClick={() => newspaper('A4')}
            >
              下载 A4 版面（PDF）
            </button>
          </div>
        </section>
      </div>
    </section>
  );
}
