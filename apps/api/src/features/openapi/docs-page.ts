import { html, raw } from 'hono/html';

interface Doc {
  paths?: Record<string, Record<string, unknown>>;
}
interface Op {
  summary?: string;
  tags?: string[];
  parameters?: {
    name: string;
    in: string;
    required?: boolean;
    description?: string;
    schema?: { description?: string; enum?: unknown[] };
  }[];
  responses?: Record<string, { description: string }>;
}

const PLACE: Record<string, string> = { path: '路径', query: '查询', header: '请求头' };

/** A plain, self-contained HTML rendering of the OpenAPI document (no third-party scripts). */
export function renderDocsPage(doc: Doc): string {
  const sections = Object.entries(doc.paths ?? {}).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, value]) => {
      const op = value as Op;
      const params = (op.parameters ?? [])
        .map(
          (p) =>
            html`<li><code>${p.name}</code>（${PLACE[p.in] ?? p.in}${p.required ? '，必填' : ''}）${p.description ?? p.schema?.description ?? ''}${p.schema?.enum ? `：${p.schema.enum.join(' | ')}` : ''}</li>`,
        )
        .join('');
      return html`<section><h2><span class="m">${method.toUpperCase()}</span> <code>${path}</code></h2>
        <p>${op.summary ?? ''}（${(op.tags ?? []).join('、')}）</p>${params ? html`<ul>${raw(params)}</ul>` : ''}
        <p>响应：${Object.keys(op.responses ?? {}).join('、')}</p></section>`;
    }),
  );
  return html`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
    <title>失信曝光台 API 文档</title>
    <style>body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem;line-height:1.6}
    section{border-top:1px solid #ddd;padding:.5rem 0}h2{font-size:1.15rem}code{overflow-wrap:anywhere}.m{background:#8b1a1a;color:#fff;padding:0 .4rem;border-radius:3px;font-size:.9rem}</style></head>
    <body><h1>失信曝光台 API 文档</h1><p>机器可读版本：<a href="/api/v1/openapi.json">openapi.json</a>。所有错误均为 <code>{"error":{"code","message","field","requestId"}}</code>。</p>
    ${raw(sections.join(''))}</body></html>`.toString();
}
