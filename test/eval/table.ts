/** One table of `npm run eval`: a yardstick, its rows, and notes on how it was scored. */
export interface EvalTable {
  title: string;
  header: string[];
  rows: (string | number)[][];
  notes?: string[];
}

/** Renders a table as GitHub Markdown, so the output can go straight into the README. */
export function formatTable(table: EvalTable): string {
  const cell = (v: string | number) => (typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(2)) : v);
  const lines = [
    `### ${table.title}`,
    '',
    `| ${table.header.join(' | ')} |`,
    `| ${table.header.map(() => '---').join(' | ')} |`,
    ...table.rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ];
  for (const note of table.notes ?? []) lines.push('', note);
  return lines.join('\n');
}
