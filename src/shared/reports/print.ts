/**
 * How every printer lays out the report's PDF, so the CLI's Chromium, the app's Electron and
 * the e2e browser print the same pages: A4, the page's own colours, and a small grey footer
 * with the report's title (the page's <title>) and "Page X of Y". Chromium fills the
 * title, pageNumber and totalPages classes itself; the templates run no script.
 */
export const PDF_MARGINS_MM = { top: 16, bottom: 18, left: 15, right: 15 } as const;

const footerStyle =
  'box-sizing:border-box;width:100%;padding:0 15mm;display:flex;justify-content:space-between;gap:12mm;' +
  'font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue","Noto Sans","DejaVu Sans",Arial,sans-serif;font-size:7.5pt;color:#868e96;';

export const PDF_FOOTER_TEMPLATE =
  `<div style='${footerStyle}'><span class="title" style="overflow:hidden;white-space:nowrap;text-overflow:ellipsis"></span>` +
  `<span style="white-space:nowrap">Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`;

/** Chromium draws its default header (date and URL) unless given one; this one is empty. */
export const PDF_HEADER_TEMPLATE = '<div></div>';
