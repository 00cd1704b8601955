const SHANGHAI_DATE = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The next 09:00 in Shanghai (UTC+8, no daylight saving) after `now`, computed by hand for tests. */
export function nextNineShanghai(now: number): number {
  const [y, m, d] = SHANGHAI_DATE.format(new Date(now)).split('-').map(Number) as [number, number, number];
  const nine = Date.UTC(y, m - 1, d, 1, 0, 0);
  return nine > now ? nine : nine + 86_400_000;
}

/** `YYYY-MM-DD 09:00:00` of that instant in Shanghai. */
export function shanghaiNine(instant: number): string {
  return `${SHANGHAI_DATE.format(new Date(instant))} 09:00:00`;
}
