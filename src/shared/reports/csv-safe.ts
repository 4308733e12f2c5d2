/**
 * CSV injection: a spreadsheet reads a cell that starts with = + - @ (or a tab or carriage
 * return, which some strip before looking) as a formula, so "=HYPERLINK(…)" in a customer's
 * message could run when a team lead opens the export. OWASP's advice: prefix such cells
 * with an apostrophe, which the spreadsheet shows as text. Leading spaces are skipped when
 * looking, since Excel and LibreOffice skip them too. Numbers are written as numbers and
 * never pass through here, so "-3" stays a number.
 */
const TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r', '\n', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20']);

export function formulaSafe(value: string): string {
  let i = 0;
  while (i < value.length && value[i] === ' ') i++;
  const first = value[i];
  return first !== undefined && TRIGGERS.has(first) ? `'${value}` : value;
}
