import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseIdNumber } from '@portal/domain';
import { describe, expect, inject, it } from 'vitest';
import { WEB_ROOT } from '../scripts/build-site.ts';
import { listFiles, pageJsGzipBytes } from './support/dist-files.ts';
import { fullIdNumbersOfTestData, testSnapshot, XSS_IMG, XSS_SCRIPT } from './support/fixture.ts';

const { dist } = inject('webSite');
const htmlFiles = listFiles(dist).filter((f) => f.endsWith('.html'));
const read = (f: string) => readFileSync(join(dist, f), 'utf8');
/**
 * What a reader sees: the text of the body, scripts and styles dropped, inline tags removed so
 * the whitespace beside them stays, every other tag a line break of its own.
 */
const text = (html: string) =>
  (html.match(/<body[\s\S]*<\/body>/)?.[0] ?? html)
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, '')
    .replace(/<\/?(a|strong|em|b|span|code)(\s[^>]*)?>/g, '')
    .replace(/<[^>]+>/g, '\n\n')
    .replace(/&nbsp;/g, ' ');

describe('built site', () => {
  it('has a static page for every published listing', () => {
    const { listings } = testSnapshot();
    const pages = htmlFiles.filter((f) => f.startsWith('listings/'));
    expect(pages).toHaveLength(listings.length);
    for (const l of listings) expect(pages).toContain(`listings/${l.id}/index.html`);
  });

  it('has every page type', () => {
    for (const f of [
      'index.html',
      'search/index.html',
      'stats/index.html',
      'corrections/index.html',
      'notices/index.html',
      'notices/what-is-the-list/index.html',
      'notices/campaign-xibu-fengbao-2017/index.html',
      '404.html',
      'report/index.html',
      'removed/index.html',
    ]) {
      expect(htmlFiles).toContain(f);
    }
  });

  it('declares zh-CN on every page', () => {
    for (const f of htmlFiles) expect(read(f), f).toMatch(/<html lang="zh-CN"/);
  });

  it('ships no inline script, style or event handler, so `script-src self` holds', () => {
    for (const f of htmlFiles) {
      const html = read(f);
      for (const tag of html.match(/<script\b[^>]*>/g) ?? []) expect(tag, f).toMatch(/\bsrc="\/[^"]+"/);
      expect(html, f).not.toMatch(/<style\b/);
      expect(html, f).not.toMatch(/\sstyle="/);
      expect(html, f).not.toMatch(/\son[a-z]+="/);
    }
  });

  it('references no third-party resource', () => {
    const assets = listFiles(dist).filter((f) => /\.(html|css)$/.test(f));
    for (const f of assets) {
      const text = read(f);
      for (const m of text.matchAll(/(?:src|href)="([^"]+)"|url\(([^)]+)\)/g)) {
        const url = (m[1] ?? m[2] ?? '').replace(/['"]/g, '');
        expect(url, `${f}: ${url}`).not.toMatch(/^(https?:)?\/\//);
      }
    }
  });

  it('never publishes a full ID number, only the masked one', () => {
    const fullIds = fullIdNumbersOfTestData();
    expect(fullIds.length).toBeGreaterThan(100);
    const site = htmlFiles.map(read).join('\n');
    for (const id of fullIds) {
      expect(site.includes(id), id).toBe(false);
    }
    const listed = testSnapshot().listings.flatMap((l) => (l.idNumberMasked ? [l.idNumberMasked] : []));
    for (const masked of listed) expect(site).toContain(masked);
    for (const candidate of site.match(/(?<![\dA-Z])\d{17}[\dX](?![\dA-Z])/g) ?? []) {
      expect(parseIdNumber(candidate).ok, `looks like a full ID number: ${candidate}`).toBe(false);
    }
  });

  it('marks the statistics of demo listings as 演示数据, as the home page does', () => {
    expect(testSnapshot().listings.some((l) => l.demo)).toBe(true);
    for (const f of ['stats/index.html', 'index.html']) {
      expect(text(read(f)), f).toMatch(/包含演示数据/);
    }
  });

  it('links every page to online reporting, the receipt look-up and the 悬赏 notices', () => {
    for (const f of htmlFiles) {
      const nav = read(f).match(/<nav class="site-nav"[\s\S]*?<\/nav>/)?.[0] ?? '';
      expect(nav, f).toMatch(/<a href="\/report\/"[^>]*>我要举报<\/a>/);
      const footer = read(f).match(/<footer[\s\S]*?<\/footer>/)?.[0] ?? '';
      for (const href of ['/report/', '/report/status/', '/rewards/']) {
        expect(footer, `${f}: ${href}`).toContain(`href="${href}"`);
      }
    }
  });

  it('puts no stray space between Chinese sentences or before a case number', () => {
    const pages = [
      'index.html',
      'report/index.html',
      `listings/${testSnapshot().listings[0]!.id}/index.html`,
    ];
    for (const f of pages) {
      // whitespace inside one paragraph; a tag boundary (two line breaks) is not a stray space
      const strays = (text(read(f)).match(/[\u4e00-\u9fff。；，）]\s+[\u4e00-\u9fff（]/g) ?? []).filter(
        (m) => !m.includes('\n\n'),
      );
      expect(strays, f).toEqual([]);
    }
  });

  it('escapes HTML and script payloads in listing text', () => {
    for (const f of ['listings/xss-person/index.html', 'listings/xss-org/index.html', 'index.html']) {
      const html = read(f);
      expect(html, f).not.toContain(XSS_SCRIPT);
      expect(html, f).not.toContain(XSS_IMG);
    }
    expect(read('listings/xss-person/index.html')).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('art. 6 ¶1 (一): shows an organisation without a credit code by its organisation code, and its 负责人 as such', () => {
    const html = read('listings/org-code-org/index.html');
    expect(html).toMatch(/<dt>组织机构代码<\/dt><dd[^>]*>D2143569-X<\/dd>/);
    expect(html).toMatch(/<dt>负责人<\/dt><dd>符站长<\/dd>/);
    expect(html).not.toContain('统一社会信用代码</dt>');
    // an organisation with a credit code keeps its 法定代表人 label
    expect(read('listings/xss-org/index.html')).toMatch(/<dt>法定代表人<\/dt>/);
  });

  it('keeps home page JavaScript within 30 KB gzipped', () => {
    const { total, files } = pageJsGzipBytes(dist, 'index.html');
    console.info(`home JS: ${files.join(', ')} = ${total} bytes gzipped`);
    expect(total).toBeLessThanOrEqual(30 * 1024);
  });

  it("ships React's production build: search and correction pages stay within 64 KB gzipped", () => {
    for (const page of ['search/index.html', 'corrections/index.html']) {
      const { total, files } = pageJsGzipBytes(dist, page);
      console.info(`${page} JS: ${files.join(', ')} = ${total} bytes gzipped`);
      expect(total, page).toBeLessThanOrEqual(64 * 1024);
    }
  });

  it('publishes a CSP without unsafe-inline or unsafe-eval for the server to send', () => {
    const headers = JSON.parse(readFileSync(join(WEB_ROOT, 'security-headers.json'), 'utf8')) as Record<
      string,
      string
    >;
    const csp = headers['Content-Security-Policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe-(inline|eval)/);
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
  });
});
