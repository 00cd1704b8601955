import { stringify } from 'csv-stringify/sync';
import { BJ_SEP_COLUMNS } from '../../main/campaigns/input/columns.js';

/**
 * A month of generated contracts as a card export (CSV with the Chinese headers, BJ September's 22
 * columns, which every campaign reads): ~300 housekeepers, shared work orders, both order types,
 * some historical contracts, signed through the month in order. Deterministic.
 */
export function contractCsv(count: number, city: 'BJ' | 'SH', month: string): string {
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const start = Date.parse(`${month}-01T00:00:00+08:00`);
  const step = (28 * 86_400_000) / Math.max(1, count);
  const rows: string[][] = [];
  for (let i = 0; i < count; i += 1) {
    const hk = Math.floor(next() * 300);
    const amount = Math.round(1000 + next() * 60000);
    const signed = new Date(start + i * step + 8 * 3_600_000).toISOString().replace('Z', '+08:00');
    const values: Record<string, string> = {
      '合同ID(_id)': String(5094726635973593636n + BigInt(i)),
      '活动城市(province)': city === 'BJ' ? '110000' : '310000',
      '工单编号(serviceAppointmentNum)': `GD${Math.floor(i / (next() < 0.1 ? 2 : 1))}`,
      Status: '1',
      '管家(serviceHousekeeper)': `管家${hk}`,
      '合同编号(contractdocNum)': `YHWX-${city}-${i}`,
      '合同金额(adjustRefundMoney)': `${amount}.0`,
      '支付金额(paidAmount)': `${amount}.0`,
      '差额(difference)': '0.0',
      State: '1',
      '创建时间(createTime)': signed,
      '服务商(orgName)': `服务商${hk % 12}`,
      '签约时间(signedDate)': signed,
      Doorsill: `${amount}.0`,
      '款项来源类型(tradeIn)': '1',
      '转化率(conversion)': String(Math.round(next() * 100) / 100),
      '平均客单价(average)': `${amount}.0`,
      '管家ID(serviceHousekeeperId)': `HK-${hk}`,
      '工单类型(sourceType)': next() < 0.2 ? '1' : '2',
      '客户联系地址(contactsAddress)': `地址${i}`,
      '项目地址(projectAddress)': `项目${Math.floor(next() * count * 0.8)}`,
      pcContractdocNum: next() < 0.05 ? `OLD-${i}` : '',
    };
    rows.push(BJ_SEP_COLUMNS.map((c) => values[c] ?? ''));
  }
  return stringify([[...BJ_SEP_COLUMNS], ...rows]);
}
