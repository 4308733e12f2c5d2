/**
 * The report page's stylesheet: a calm, print-first page in a system font stack (nothing is
 * fetched), A4 with page-break rules that keep a heading with what it introduces, charts
 * whole, and table headers repeated on every page a table runs across.
 */
export const reportCss = `
:root {
  --ink: #212529; --text: #343a40; --muted: #5c636a; --rule: #dee2e6; --soft: #f1f3f5; --paper: #fff;
  --accent: #4c6ef5; --accent-soft: #edf2ff; --good: #0c8f6a; --bad: #d9363e; --ai: #f59f00; --ai-soft: #fff9db;
}
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body {
  margin: 0; background: #f8f9fa; color: var(--text);
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "Liberation Sans", "DejaVu Sans", Arial, sans-serif;
  font-size: 10.5pt; line-height: 1.5; font-variant-numeric: tabular-nums;
}
.report { max-width: 920px; margin: 0 auto; padding: 44px 52px 56px; background: var(--paper); box-shadow: 0 1px 3px rgba(0, 0, 0, 0.06), 0 8px 28px rgba(0, 0, 0, 0.05); }
h1, h2, h3 { color: var(--ink); line-height: 1.25; margin: 0; font-weight: 650; }
h1 { font-size: 22pt; letter-spacing: -0.01em; }
h2 { font-size: 14pt; margin: 0 0 12px; padding-bottom: 6px; border-bottom: 1px solid var(--rule); }
h3 { font-size: 10.5pt; margin: 0 0 6px; }
section.part { margin-top: 30px; }
p { margin: 0 0 8px; }
.muted { color: var(--muted); }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }

.masthead { padding-bottom: 18px; border-bottom: 3px solid var(--accent); }
.eyebrow { font-size: 8.5pt; text-transform: uppercase; letter-spacing: 0.09em; color: var(--accent); font-weight: 650; margin-bottom: 4px; }
.period { font-size: 13pt; color: var(--ink); margin-top: 4px; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: 3px 16px; margin: 14px 0 0; font-size: 9.5pt; }
.meta dt { color: var(--muted); }
.meta dd { margin: 0; color: var(--ink); }

.cards { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 10px; }
.card { border: 1px solid var(--rule); border-radius: 8px; padding: 10px 12px 9px; break-inside: avoid; }
.card .label { font-size: 8.5pt; color: var(--muted); line-height: 1.3; }
.card .value { font-size: 16pt; font-weight: 650; color: var(--ink); line-height: 1.2; margin-top: 2px; white-space: nowrap; }
.card .change { font-size: 8.5pt; margin-top: 3px; color: var(--muted); }
.card .note { font-size: 8pt; color: var(--muted); margin-top: 1px; }
.change .arrow { font-size: 8pt; }
.change.good { color: var(--good); }
.change.bad { color: var(--bad); }
.change .was { color: var(--muted); }

.insights { list-style: none; margin: 0; padding: 0; }
.insight { display: grid; grid-template-columns: 112px 1fr; gap: 2px 12px; padding: 9px 0; border-bottom: 1px solid var(--soft); break-inside: avoid; }
.insight:last-child { border-bottom: 0; }
.badge { display: inline-block; font-size: 7.5pt; font-weight: 650; text-transform: uppercase; letter-spacing: 0.06em; padding: 2px 7px; border-radius: 10px; background: var(--soft); color: var(--muted); height: fit-content; margin-top: 2px; text-align: center; }
.badge.significant { background: var(--accent-soft); color: #364fc7; }
.badge.emerging { background: #fff4e6; color: #c2410c; }
.insight .text { color: var(--ink); }
.insight .figures { grid-column: 2; font-size: 9pt; color: var(--muted); }
.none { color: var(--muted); font-style: italic; }

.ai { border: 1px solid #ffe066; border-left: 4px solid var(--ai); background: var(--ai-soft); border-radius: 6px; padding: 12px 16px; break-inside: avoid; }
.ai .warning { font-size: 8.5pt; font-weight: 650; color: #8a5300; text-transform: uppercase; letter-spacing: 0.06em; margin-bottom: 6px; }
.ai .by { font-size: 8.5pt; color: var(--muted); margin-top: 6px; }

.charts { display: block; }
figure.chart-block { margin: 0 0 18px; break-inside: avoid; }
figure.chart-block figcaption { font-size: 8.5pt; color: var(--muted); margin-top: 2px; }
svg.chart { display: block; width: 100%; height: auto; overflow: visible; }
.pair { display: grid; grid-template-columns: 1fr; gap: 0; }

.table-block { margin: 0 0 22px; }
.table-block.short { break-inside: avoid; }
table { width: 100%; border-collapse: collapse; font-size: 8pt; line-height: 1.35; }
thead { display: table-header-group; }
th { text-align: left; font-weight: 650; color: var(--ink); border-bottom: 1.5px solid var(--ink); padding: 5px 7px 4px; vertical-align: bottom; hyphens: manual; }
td { padding: 4px 7px; border-bottom: 1px solid var(--soft); vertical-align: top; }
th.num { text-align: right; }
td.num { text-align: right; white-space: nowrap; }
td.text { overflow-wrap: break-word; }
td.nowrap { white-space: nowrap; }
table.wide { font-size: 7.5pt; }
table.wide th, table.wide td { padding-left: 5px; padding-right: 5px; }
tr { break-inside: avoid; }
tbody tr:nth-child(even) td { background: #fafbfc; }
.table-note { font-size: 8.5pt; color: var(--muted); margin: -2px 0 6px; }

footer.colophon { margin-top: 32px; padding-top: 10px; border-top: 1px solid var(--rule); font-size: 8.5pt; color: var(--muted); }

h2, h3, .keep-next { break-after: avoid; page-break-after: avoid; }
.part-break { break-before: page; page-break-before: always; }

@page { size: A4; margin: 16mm 15mm 18mm; }
@media print {
  body { background: var(--paper); font-size: 9.5pt; }
  .report { max-width: none; padding: 0; box-shadow: none; }
  section.part { margin-top: 22px; }
  h1 { font-size: 20pt; }
  .cards { gap: 8px; }
  a { color: inherit; text-decoration: none; }
}
@media screen and (max-width: 720px) {
  .report { padding: 24px 18px; }
  .cards { grid-template-columns: repeat(2, minmax(0, 1fr)); }
  .insight { grid-template-columns: 1fr; }
  .insight .figures { grid-column: 1; }
}
`;
