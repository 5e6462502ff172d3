/** The day a viewing line started on: the date part of its start_timestamp (5th field). */
export function viewingDay(line: string): string | undefined {
  const start = line.split('\t')[4];
  return start === undefined ? undefined : start.split('T')[0];
}
