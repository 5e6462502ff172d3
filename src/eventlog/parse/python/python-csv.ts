/**
 * What Python's `csv.writer` (the default `excel` dialect) writes for rows
 * of text cells: cells joined by `,`, each row ended by CRLF, and a cell
 * quoted (its `"` doubled) only when it holds `,`, `"`, CR or LF
 * (QUOTE_MINIMAL). edX wrote its per-course CSV reports this way.
 */
export function excelCsv(rows: Iterable<readonly string[]>): string {
  let out = '';
  // A row of one empty field is written `""`: an empty line would read back as no fields.
  for (const row of rows) out += (row.length === 1 && row[0] === '' ? '""' : row.map(excelCsvCell).join(',')) + '\r\n';
  return out;
}

function excelCsvCell(text: string): string {
  return /[,"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
