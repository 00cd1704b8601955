/** Contract column names v1 used (spec §2.3) and the ledger CSV headers it wrote (§3.8). */

export const COL = {
  id: '合同ID(_id)',
  province: '活动城市(province)',
  workOrder: '工单编号(serviceAppointmentNum)',
  status: 'Status',
  housekeeper: '管家(serviceHousekeeper)',
  docNum: '合同编号(contractdocNum)',
  amount: '合同金额(adjustRefundMoney)',
  paid: '支付金额(paidAmount)',
  difference: '差额(difference)',
  state: 'State',
  createTime: '创建时间(createTime)',
  org: '服务商(orgName)',
  signedDate: '签约时间(signedDate)',
  doorsill: 'Doorsill',
  tradeIn: '款项来源类型(tradeIn)',
  conversion: '转化率(conversion)',
  average: '平均客单价(average)',
  housekeeperId: '管家ID(serviceHousekeeperId)',
  sourceType: '工单类型(sourceType)',
  contactsAddress: '客户联系地址(contactsAddress)',
  projectAddress: '项目地址(projectAddress)',
  pcContractdocNum: 'pcContractdocNum',
  performance: '计入业绩金额',
} as const;

/** The 17 positional columns of the 2025 contract cards. */
export const STANDARD_COLUMNS = [
  COL.id, COL.province, COL.workOrder, COL.status, COL.housekeeper, COL.docNum, COL.amount, COL.paid, COL.difference,
  COL.state, COL.createTime, COL.org, COL.signedDate, COL.doorsill, COL.tradeIn, COL.conversion, COL.average,
] as const;
/** SH September's card (1838) adds four columns; BJ September's (1864) also `pcContractdocNum`. */
export const SH_SEP_COLUMNS = [...STANDARD_COLUMNS, COL.housekeeperId, COL.sourceType, COL.contactsAddress, COL.projectAddress] as const;
export const BJ_SEP_COLUMNS = [...SH_SEP_COLUMNS, COL.pcContractdocNum] as const;

export const LEGACY_COLUMNS = { standard: STANDARD_COLUMNS, 'sh-sep': SH_SEP_COLUMNS, 'bj-sep': BJ_SEP_COLUMNS } as const;

const LEDGER_STANDARD = [
  '活动编号', ...STANDARD_COLUMNS, '活动期内第几个合同', '管家累计金额', '管家累计单数', '奖金池', '计入业绩金额', '激活奖励状态', '奖励类型', '奖励名称',
  '是否发送通知', '备注', '登记时间',
] as const;

/** The `PerformanceData-*.csv` headers, in v1's order. */
export const LEDGER_HEADERS: Record<'standard' | 'sh-sep' | 'bj-sep', readonly string[]> = {
  standard: LEDGER_STANDARD,
  'sh-sep': [...LEDGER_STANDARD, '管家ID(serviceHousekeeperId)', '工单类型', '客户联系地址(contactsAddress)', '项目地址(projectAddress)', '平台单累计数量', '平台单累计金额', '自引单累计数量', '自引单累计金额'],
  'bj-sep': [
    '活动编号', ...STANDARD_COLUMNS, '活动期内第几个合同', '管家累计金额', '管家累计单数', '奖金池', '计入业绩金额', '管家累计业绩金额', '激活奖励状态', '奖励类型',
    '奖励名称', '是否发送通知', '是否历史合同', '合同类型说明', '备注', '登记时间',
  ],
};

/** The columns of v1's `performance_data` table (spec §8.2). */
export const PERFORMANCE_DATA_COLUMNS = [
  'id', 'activity_code', 'contract_id', 'housekeeper', 'service_provider', 'contract_amount', 'performance_amount', 'paid_amount', 'project_id',
  'order_type', 'contract_sequence', 'reward_types', 'reward_names', 'is_historical', 'notification_sent', 'remarks', 'created_at', 'updated_at',
  'extensions',
] as const;
