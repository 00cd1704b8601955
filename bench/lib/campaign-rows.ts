import type { ContractRow } from '../../main/campaigns/index.js';

/** Deterministic contracts shaped like the cards': ~300 housekeepers, shared work orders, both order types. */
export function generate(count: number, city: 'BJ' | 'SH'): ContractRow[] {
  let seed = 42;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const rows: ContractRow[] = [];
  const start = Date.UTC(2025, 8, 1);
  for (let i = 0; i < count; i += 1) {
    const hk = Math.floor(next() * 300);
    const amount = Math.round(1000 + next() * 60000);
    const signed = new Date(start + i * 20_000).toISOString().replace('Z', '+08:00');
    rows.push({
      values: {
        '合同ID(_id)': String(4094726635973593636n + BigInt(i)),
        '活动城市(province)': city === 'BJ' ? '110000' : '310000',
        '工单编号(serviceAppointmentNum)': `GD${Math.floor(i / (next() < 0.1 ? 2 : 1))}`,
        Status: 1,
        '管家(serviceHousekeeper)': `管家${hk}`,
        '合同编号(contractdocNum)': `YHWX-${city}-${i}`,
        '合同金额(adjustRefundMoney)': amount,
        '支付金额(paidAmount)': amount,
        '差额(difference)': 0,
        State: 1,
        '创建时间(createTime)': signed,
        '服务商(orgName)': `服务商${hk % 12}`,
        '签约时间(signedDate)': signed,
        Doorsill: amount,
        '款项来源类型(tradeIn)': 1,
        '转化率(conversion)': Math.round(next() * 100) / 100,
        '平均客单价(average)': amount,
        '管家ID(serviceHousekeeperId)': `HK-${hk}`,
        '工单类型(sourceType)': next() < 0.2 ? 1 : 2,
        '客户联系地址(contactsAddress)': `地址${i}`,
        '项目地址(projectAddress)': `项目${Math.floor(next() * count * 0.8)}`,
        pcContractdocNum: next() < 0.05 ? `OLD-${i}` : '',
      },
      floats: ['差额(difference)', '转化率(conversion)'],
    });
  }
  return rows;
}
