/**
 * v1's timestamps as epoch ms: `YYYY-MM-DD HH:MM:SS[.ffffff]` or ISO 8601. The PC wrote local time
 * (Asia/Shanghai); the database's CURRENT_TIMESTAMP is UTC. A value with its own offset keeps it;
 * an unreadable one gives `fallback`.
 */
export function v1Time(text: unknown, zone: 'shanghai' | 'utc', fallback: number): number {
  if (typeof text !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(text)) return fallback;
  const iso = text.trim().replace(' ', 'T');
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/.test(iso);
  const ms = Date.parse(hasZone ? iso : `${iso.replace(/(\.\d{3})\d+$/, '$1')}${zone === 'utc' ? 'Z' : '+08:00'}`);
  return Number.isNaN(ms) ? fallback : ms;
}
