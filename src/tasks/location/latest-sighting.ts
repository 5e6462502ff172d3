/** Where a user was seen: the event's ISO timestamp and the `ip` it came from. */
export type Sighting = [timestamp: string, ip: string];

/**
 * edX keeps the IP of the event with the greatest timestamp (compared as
 * text: ISO timestamps sort as times). On a tie edX keeps whichever came
 * first to its reducer, which Hadoop does not fix; we keep the greater IP
 * text, so a rerun or another number of reducers gives the same answer.
 */
export function isLater(a: Sighting, than: Sighting): boolean {
  return a[0] > than[0] || (a[0] === than[0] && a[1] > than[1]);
}

/** The last sighting of the values (see isLater), or undefined when there are none. */
export function latestSighting(values: Iterable<Sighting>): Sighting | undefined {
  let last: Sighting | undefined;
  for (const value of values) if (last === undefined || isLater(value, last)) last = value;
  return last;
}
