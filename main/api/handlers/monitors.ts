import type { Herald } from '../../core/herald.js';
import type { HandlersOf } from '../dispatcher.js';
import type { monitorsMethods } from '../contract/monitors.js';
import { violationCounts } from '../../monitors/store/sla-violations.js';
import { addDays, shanghaiDate } from '../../shared/shanghai-time.js';

export function monitorsHandlers(herald: Herald): HandlersOf<typeof monitorsMethods> {
  return {
    'monitors.slaViolations': ({ until, days }) => {
      const to = until ?? addDays(shanghaiDate(new Date(herald.clock.now())), -1);
      const from = addDays(to, -(days - 1));
      return { from, to, rows: violationCounts(herald.db, from, to) };
    },
  };
}
