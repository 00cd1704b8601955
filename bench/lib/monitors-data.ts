/** Generated card data for the monitors bench (50,000 rows per job) and each job's pure transform. */
import type { CardResult } from '../../main/sources/types.js';
import { zipRecords } from '../../main/monitors/transforms/card.js';
import { contactTimeoutItem } from '../../main/monitors/transforms/contact-timeout.js';
import { DEFAULT_PROVIDER_WEBHOOKS } from '../../main/monitors/transforms/recipients.js';
import { offlineDrafts } from '../../main/monitors/transforms/housekeeper-offline.js';
import { PENDING_COLUMNS, pendingDigestText, pendingSnapshots } from '../../main/monitors/transforms/pending-orders.js';
import { SLA_COLUMNS, slaDailyKey, slaDailyText } from '../../main/monitors/transforms/sla.js';
import { sheetDrafts } from '../../main/monitors/transforms/smartsheet.js';
import { SMARTSHEET_TABLES, type SmartsheetTableId } from '../../main/monitors/transforms/smartsheet-tables.js';
import { technicianChange } from '../../main/monitors/transforms/technician-status.js';

const provider = (i: number) => DEFAULT_PROVIDER_WEBHOOKS[i % DEFAULT_PROVIDER_WEBHOOKS.length] ?? 'P';
const iso = (ms: number) => new Date(ms).toISOString().replace('Z', '+00:00');
const byName = (columns: string[], rows: unknown[][]): CardResult => ({ cols: columns.map((name) => ({ name })), rows });

export function generateCard(jobId: string, n: number): { card: CardResult; at: string } {
  const base = Date.parse('2026-09-14T01:00:00Z');
  const seq = Array.from({ length: n }, (_, i) => i);
  switch (jobId) {
    case 'sla-daily-report':
      return {
        at: '2026-09-14T09:00:00+08:00',
        card: byName([...SLA_COLUMNS], seq.map((i) => [`id${i}`, `s${i}`, iso(base - (i % 5000) * 60_000), `GD2026${String(i).padStart(8, '0')}`, '110000', provider(i), `管家${i % 300}`, 5, '20', '联系超时', '工单派单后1小时内未联系客户', '1', iso(base)])),
      };
    case 'pending-orders-reminder':
      return {
        at: '2026-09-14T08:30:00+08:00',
        card: byName([...PENDING_COLUMNS], seq.map((i) => [`GD2026${String(i).padStart(8, '0')}`, `客户${i}`, `地址${i}`, `负责人${i % 300}`, iso(base - (i % 400) * 3_600_000), provider(i), i % 3 === 0 ? '待预约' : i % 3 === 1 ? '暂不上门' : '已预约'])),
      };
    case 'housekeeper-offline-broadcast':
      return {
        at: '2026-09-14T09:30:00+08:00',
        card: byName(['eventId', 'createTime', 'createUserName', '动作'], seq.map((i) => [`e${i}`, iso(base + 25 * 60_000 - (i % 3600) * 1000), `管家${i % 500}`, i % 2 ? ['下线', '离线'] : '上线'])),
      };
    case 'technician-status':
      return { at: '2025-05-22T09:36:00+08:00', card: byName(['id', 't', 'n', 'c', 'u', 'x'], seq.map((i) => [`c${i}`, '2025-05-22T09:35:03.325454+08:00', `管家${i}`, provider(i), null, i % 2 ? ['上线'] : '下线'])) };
    case 'contact-timeout-report':
      return { at: '2024-06-10T18:00:00+08:00', card: byName(['o', 'u', 'h', 'a'], seq.map((i) => [`GD${i}`, null, `管家${i}`, '2024-06-08T15:30:00+0800'])) };
    default: {
      const table = SMARTSHEET_TABLES[jobId.replace('smartsheet-', '') as SmartsheetTableId];
      if (!table) throw new Error(`no data for ${jobId}`);
      const columns = [...new Set([...Object.values(table.sources), ...Object.values(table.schema)])].filter(Boolean);
      return {
        at: '2026-09-14T09:00:00+08:00',
        card: byName(columns, seq.map((i) => columns.map((c, k) => (k === 0 ? `HT${i}` : /日期|时间|Date|Time/.test(c) ? '2026-04-13 09:30:00' : /金额|数|count|Money|Price|年限/.test(c) ? '1,234.5' : `值${i % 97}、${k}`)))),
      };
    }
  }
}

/** The job's pure transform over the whole card (no store). */
export function transformOnly(jobId: string, card: CardResult, at: string): unknown {
  const nowUs = Date.parse(at) * 1000;
  switch (jobId) {
    case 'sla-daily-report':
      return zipRecords(card, SLA_COLUMNS).map((r) => [slaDailyText(r, 'cloud-2026', ''), slaDailyKey(r, '2026-09-13', 'cloud-2026')]);
    case 'pending-orders-reminder': {
      const { snapshots } = pendingSnapshots(card.rows, nowUs);
      return pendingDigestText('P', snapshots.map((s) => ({ ...s, customerName: String(s.customerName), address: String(s.address), supervisorName: String(s.supervisorName), orderStatus: String(s.orderStatus) })), nowUs, 'utc');
    }
    case 'housekeeper-offline-broadcast':
      return offlineDrafts(card, nowUs, 60, 'g');
    case 'technician-status':
      return card.rows.map(technicianChange);
    case 'contact-timeout-report':
      return card.rows.map((r, i) => contactTimeoutItem(r, i + 1, nowUs));
    default:
      return sheetDrafts(card, SMARTSHEET_TABLES[jobId.replace('smartsheet-', '') as SmartsheetTableId]);
  }
}
