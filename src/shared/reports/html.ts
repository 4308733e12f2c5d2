/**
 * The report as one self-contained HTML page: inline style, inline SVG charts, no script
 * and no URL of any kind, so it opens anywhere and fetches nothing. The PDF is this page
 * printed (A4); the tables are reportTables' figures, formatted only.
 */
import { formatPeriod } from './format';
import { chartsHtml } from './html-charts';
import { aiSummaryHtml, cardsHtml, insightsHtml, mastheadHtml, tableHtml } from './html-parts';
import { reportCss } from './html-style';
import type { ReportTable } from './item';
import type { Report, TimeBasis } from './schema';
import { esc } from './svg-kit';

export interface ReportHtmlOptions {
  /** Which times the cards and charts show; the tables carry what reportTables gives them. */
  basis: TimeBasis;
  /** reportTables(report, basis). */
  tables: ReportTable[];
  title?: string;
  /** An LLM's summary of the period, shown marked as AI-written. */
  aiSummary?: { text: string; model: string };
}

export const DEFAULT_REPORT_TITLE = 'Feedback report';

function part(id: string, heading: string, body: string, extra = ''): string {
  return `<section class="part${extra}" id="${id}" aria-labelledby="${id}-h"><h2 id="${id}-h">${esc(heading)}</h2>${body}</section>`;
}

/** Where the figures came from; an AI summary may have been written by a model elsewhere, so it is named. */
function colophon(aiSummary: ReportHtmlOptions['aiSummary']): string {
  const figures = 'The figures were worked out by Hearken on this computer from its own store.';
  return aiSummary ? `${figures} The period summary was written by ${aiSummary.model} from those figures.` : `${figures} Nothing was sent anywhere to make this report.`;
}

export function renderReportHtml(report: Report, options: ReportHtmlOptions): string {
  const title = options.title?.trim() || DEFAULT_REPORT_TITLE;
  const period = formatPeriod(report.scope.from, report.scope.to, report.scope.timeZone);
  const c = report.comparison;
  const charts = chartsHtml(report, options.basis);
  const parts = [
    mastheadHtml(report, title, options.basis),
    part('figures', c ? `Key figures, against ${c.label}` : 'Key figures', cardsHtml(report, options.basis)),
    part('insights', 'Insights', insightsHtml(report)),
    options.aiSummary ? part('summary', 'Period summary', aiSummaryHtml(options.aiSummary)) : '',
    part('customers', 'What customers wrote', charts.customers, ' part-break'),
    part('service', 'How the team did', charts.service),
    charts.ai ? part('ai-quality', 'AI quality', charts.ai) : '',
    part('tables', 'Tables', options.tables.map((t) => tableHtml(t, report.scope.timeZone)).join('\n'), ' part-break'),
  ];
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // No request may leave the page, whatever a future edit adds.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="generator" content="Hearken">',
    `<title>${esc(`${title} · ${period}`)}</title>`,
    `<style>${reportCss}</style>`,
    '</head>',
    '<body>',
    `<main class="report">${parts.join('\n')}`,
    `<footer class="colophon">${esc(colophon(options.aiSummary))}</footer>`,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
