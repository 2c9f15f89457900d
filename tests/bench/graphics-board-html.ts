/**
 * The board slide as an ordinary HTML page with the same layout, texts and QR code as the
 * satori template, for the Chromium side of the graphics benchmark. Uses the system font
 * (Debian fonts-noto-cjk), as an HTML-screenshot renderer would.
 */
import { categoryOf, formatFen, type PublicListing } from '@portal/domain';

export interface BoardHtmlInput {
  listings: PublicListing[];
  page: number;
  pages: number;
  courtName: string;
  dateText: string;
  qrDataUri: string;
}

const esc = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

const CSS = `
*{box-sizing:border-box;margin:0}
body{width:1920px;height:1080px;background:#0b1e3d;color:#fff;font-family:"Noto Sans CJK SC",sans-serif;display:flex;flex-direction:column;overflow:hidden}
.one{white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
header{height:160px;background:#a3161a;border-bottom:6px solid #f2c14e;display:flex;justify-content:space-between;align-items:center;padding:0 48px}
h1{font-size:66px;letter-spacing:4px;font-weight:700}.court{font-size:36px}.right{text-align:right}
.date{font-size:34px}.page{font-size:32px;color:#f2c14e;font-weight:700;margin-top:8px}
.strip{height:56px;display:flex;align-items:center;justify-content:center;font-size:28px;background:#7c0f12;color:#c9d3e6}
.strip.demo{background:#ffd43b;color:#3d2a00;font-weight:700}
.rows{height:688px;display:flex;flex-direction:column}
.heads,.row{display:flex;align-items:center;padding:0 48px}
.heads{height:52px;background:#13294f;color:#f2c14e;font-weight:700;font-size:28px}
.row{height:106px;border-bottom:1px solid #2a4173}.row:nth-child(odd){background:#13294f}
.who{width:600px}.case{width:560px}.cat{width:300px}.amt{width:364px;text-align:right}
.name{font-size:44px;font-weight:700;max-width:580px}.id{font-size:26px;color:#c9d3e6}
.caseno{font-size:34px}.ct{font-size:28px;color:#c9d3e6;margin-top:4px}
.pill{display:inline-block;font-size:28px;padding:5px 14px;border-radius:8px;background:#a3161a}
.tag{font-size:24px;padding:4px 12px;border-radius:8px;background:#f2c14e;color:#0b1e3d;margin-left:14px;white-space:nowrap;flex-shrink:0}
.money{font-size:44px;font-weight:700;color:#f2c14e}
footer{height:176px;background:#13294f;border-top:4px solid #f2c14e;display:flex;justify-content:space-between;align-items:center;padding:0 48px}
.h{font-size:42px;font-weight:700;color:#f2c14e}.hint{font-size:30px;margin-top:6px}.note{font-size:24px;color:#c9d3e6;margin-top:6px}
.qr{background:#fff;padding:6px;border-radius:8px;display:flex}`;

function row(l: PublicListing): string {
  const id = l.kind === 'org' ? `统一社会信用代码 ${l.uscc ?? '—'}` : `身份证号 ${l.idNumberMasked ?? '—'}`;
  return `<div class="row">
<div class="who"><div style="display:flex;align-items:center"><span class="name one">${esc(l.name)}</span>${
    l.livelihood ? '<span class="tag">涉民生</span>' : ''
  }</div><div class="id one">${esc(id)}</div></div>
<div class="case"><div class="caseno one">${esc(l.caseNo)}</div><div class="ct one">${esc(l.court)}</div></div>
<div class="cat"><span class="pill">${esc(categoryOf(l.category).shortLabel)}</span></div>
<div class="amt money">${formatFen(l.amountOwedFen)}</div></div>`;
}

export function boardHtml(p: BoardHtmlInput): string {
  const demo = p.listings.some((l) => l.demo);
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>${CSS}</style></head><body>
<header><div><h1>失信被执行人名单</h1><div class="court">${esc(p.courtName)}</div></div>
<div class="right"><div class="date">${p.dateText}</div><div class="page">第 ${p.page} / ${p.pages} 页</div></div></header>
<div class="strip${demo ? ' demo' : ''}">${
    demo
      ? '演示数据 · 以下均为虚构信息，并非真实当事人'
      : '依据《最高人民法院关于公布失信被执行人名单信息的若干规定》依法公布'
  }</div>
<div class="rows"><div class="heads"><div class="who">姓名／名称　证件号码</div><div class="case">案号　执行法院</div><div class="cat">失信情形</div><div class="amt">未履行金额</div></div>
${p.listings.map(row).join('\n')}</div>
<footer><div><div class="h">扫码举报</div><div class="hint">举报被执行人财产线索、下落及违反限制消费令行为</div>
<div class="note">被执行人履行义务后，法院依法删除名单信息</div></div>
<div class="qr"><img src="${p.qrDataUri}" width="136" height="136"></div></footer></body></html>`;
}
