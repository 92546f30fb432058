import type { ReportBlock, ReportDocument } from '../../model/report.js';
import { reportFormat } from './format.js';
import { analysisName, reportLabels } from './labels.js';
import { chartSvg, escapeXml as esc } from './svg.js';

/**
 * The report as ONE self-contained HTML file: styles inline, charts inline SVG, no script, and a
 * Content-Security-Policy that forbids every request — it opens offline in any browser, and the
 * PDF is this file printed (its @page rule sets A4 or the 16:9 slide size).
 */

const PAGE: Record<ReportDocument['layout'], string> = {
  a4: '@page { size: A4; margin: 14mm 14mm 16mm; }',
  slides: '@page { size: 297mm 167.06mm; margin: 8mm 12mm; } section.run { break-before: page; } body { font-size: 15px; max-width: none; } h1 { font-size: 36px; margin-top: 30mm; } h2 { font-size: 24px; }',
};

const CSS = `
:root { color-scheme: light; }
body { font-family: system-ui, "Noto Sans", "Noto Sans CJK KR", "Noto Sans KR", "Malgun Gothic", "Apple SD Gothic Neo", sans-serif; color: #1d2330; margin: 0 auto; max-width: 1000px; padding: 16px; font-size: 13px; line-height: 1.45; }
h1 { font-size: 26px; margin: 0 0 6px; } h2 { font-size: 19px; margin: 18px 0 6px; border-bottom: 2px solid #2f6fb0; padding-bottom: 3px; } h3 { font-size: 14px; margin: 12px 0 4px; }
.meta { color: #555; }
.summary { background: #f3f6fa; border-left: 4px solid #2f6fb0; padding: 8px 12px; white-space: pre-wrap; margin: 8px 0; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 10px; font-size: 12px; }
th, td { border-bottom: 1px solid #d8dde6; padding: 3px 6px; text-align: left; vertical-align: top; }
th { background: #eef2f7; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
tr, .chart-box, dl div { break-inside: avoid; }
thead { display: table-header-group; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 6px 0 10px; }
dl.facts dt { color: #555; } dl.facts dd { margin: 0; overflow-wrap: anywhere; }
.chart-box { margin: 8px 0 12px; } .chart-box h3 { margin-bottom: 2px; }
svg.chart text { font-family: inherit; }
details.params summary { cursor: pointer; color: #555; }
@media print { body { max-width: none; padding: 0; } }
`;

const numeric = /^[−\-+]?[₩$£€¥]?[\d.,]+%?$|^–$/;

function block(b: ReportBlock, format: (kind: 'int' | 'money' | 'dec' | 'pct', n: number) => string): string {
  switch (b.kind) {
    case 'text':
      return `<p>${esc(b.text)}</p>`;
    case 'facts':
      return `<dl class="facts">${b.rows.map((r) => `<div style="display:contents"><dt>${esc(r.label)}</dt><dd>${esc(r.value)}</dd></div>`).join('')}</dl>`;
    case 'table': {
      const head = `<thead><tr>${b.columns.map((c) => `<th>${esc(c)}</th>`).join('')}</tr></thead>`;
      const body = b.rows.map((r) => `<tr>${r.map((c) => `<td${numeric.test(c) ? ' class="num"' : ''}>${esc(c)}</td>`).join('')}</tr>`).join('');
      return `${b.title ? `<h3>${esc(b.title)}</h3>` : ''}<table>${head}<tbody>${body}</tbody></table>${b.note ? `<p class="meta">${esc(b.note)}</p>` : ''}`;
    }
    case 'chart': {
      const c = b.chart;
      const title = c.unit ? `${c.title} (${c.unit})` : c.title;
      return `<div class="chart-box"><h3>${esc(title)}</h3>${chartSvg(c, (n) => format(c.format, n))}</div>`;
    }
    default: {
      const never: never = b;
      throw new TypeError(`unknown block ${JSON.stringify(never)}`);
    }
  }
}

/** The document as HTML text (UTF-8). */
export function renderReportHtml(doc: ReportDocument): string {
  const t = reportLabels(doc.lang);
  const f = reportFormat(doc.lang, doc.provenance.currency);
  const format = (kind: 'int' | 'money' | 'dec' | 'pct', n: number): string => (kind === 'int' ? f.int(n) : kind === 'money' ? f.money(n) : kind === 'pct' ? f.pct(n) : f.dec(n));
  const p = doc.provenance;
  const cover = `<header class="cover"><h1>${esc(doc.title)}</h1>
<p class="meta">${esc(t.generated)}: ${esc(doc.generatedAt.replace('T', ' ').slice(0, 16))} UTC · ${esc(t.version)}: ${esc(doc.version)}</p>
<h2>${esc(t.provenance)}</h2>
<dl class="facts">
<dt>${esc(t.project)}</dt><dd>${esc(p.project)}</dd>
<dt>${esc(t.files)}</dt><dd>${esc(p.files.join(', ') || '–')}</dd>
<dt>${esc(t.fingerprint)}</dt><dd>${esc(p.fingerprint)}</dd>
<dt>${esc(t.period)}</dt><dd>${esc(p.period.from ?? '–')} … ${esc(p.period.to ?? '–')}</dd>
<dt>${esc(t.customers)}</dt><dd>${esc(f.int(p.customers))}</dd>
<dt>${esc(t.receipts)}</dt><dd>${esc(f.int(p.receipts))}</dd>
<dt>${esc(t.currency)}</dt><dd>${esc(p.currency)}</dd>
</dl>
<h3>${esc(t.contents)}</h3><ol>${doc.sections.map((s) => `<li>${esc(s.heading)}</li>`).join('')}</ol></header>`;
  const sections = doc.sections.map((s, i) => `<section class="run" data-run="${s.runId}" data-analysis="${esc(s.analysis)}">
<h2>${i + 1}. ${esc(s.heading)}</h2>
${s.summary ? `<div class="summary">${esc(s.summary)}</div>` : ''}
${s.blocks.map((b) => block(b, format)).join('\n')}
${s.params.length === 0 ? '' : `<details class="params" open><summary>${esc(t.parameters)} (${esc(analysisName(doc.lang, s.analysis))})</summary>
<dl class="facts params">${s.params.map((q) => `<dt>${esc(q.label ? `${q.label} (${q.name})` : q.name)}</dt><dd>${esc(q.value)}</dd>`).join('')}</dl></details>`}
</section>`).join('\n');
  return `<!doctype html>
<html lang="${doc.lang}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="Segment Workbench ${esc(doc.version)}">
<title>${esc(doc.title)}</title>
<style>${CSS}${PAGE[doc.layout]}</style></head>
<body class="layout-${doc.layout}">
${cover}
${sections}
</body></html>
`;
}
