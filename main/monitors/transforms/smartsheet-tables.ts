/**
 * The five WeCom smartsheet tables v1 synced in 2026 (spec §7.5): field ids and labels (the
 * payload's `schema`), the card column each field reads (else the column named like the label),
 * the field kinds, the primary field and the identity that de-duplicates rows (add-only).
 */
export type SmartsheetTableId = 'project-settlement' | 'contract-completion' | 'payment-records' | 'crew-settlement-ledger' | 'material-replenishment';

export interface SmartsheetTable {
  table: SmartsheetTableId;
  /** v1 activity code (outbox `activity_code`). */
  activityCode: string;
  /** v1 dedupe key prefix. */
  dedupePrefix: string;
  /** field id → label, in v1's order. */
  schema: Record<string, string>;
  /** field id → source column ('' = the column named like the label). */
  sources: Record<string, string>;
  primary: string;
  numeric: readonly string[];
  datetime: readonly string[];
  multiText: readonly string[];
  /** Field ids (read raw) or raw column names. */
  identity: readonly string[];
  /** v1's pause after each post (ms). */
  pacingMs: number;
}

export const SMARTSHEET_TABLES: Record<SmartsheetTableId, SmartsheetTable> = {
  'project-settlement': {
    table: 'project-settlement',
    activityCode: 'PROJECT-SETTLEMENT-SMARTSHEET-SYNC',
    dedupePrefix: 'wedoc-project-settlement',
    schema: {
      f04Gwj: '合同编号', ftQMc5: '项目施工地址', ftk5Tx: '业主姓名', ffFwIh: '联系电话', foyhkS: '管家', fn8TJd: '部位', fkf93Q: '进场日期',
      fXjBwS: '完工日期', fMqDX0: '项目用工数', f8xImK: '班组名称', fESKNz: '是否发起预结单', f28Fkl: '结算状态', fStRfT: '合同金额', fl2HuS: '质保年限',
    },
    sources: {
      f04Gwj: 'contractdocNum', ftQMc5: 'address', ftk5Tx: 'contactsName', ffFwIh: 'contactsPhone', foyhkS: 'serviceHousekeeper', fn8TJd: 'leakagesiteText',
      fStRfT: 'adjustRefundMoney', fl2HuS: 'warrantyYears',
    },
    primary: 'f04Gwj',
    numeric: ['fMqDX0', 'fStRfT', 'fl2HuS'],
    datetime: [],
    multiText: ['f8xImK', 'fESKNz', 'f28Fkl'],
    identity: ['f04Gwj', 'ftQMc5', 'ftk5Tx', 'ffFwIh', 'fn8TJd', 'signedDate', 'f8xImK'],
    pacingMs: 200,
  },
  'contract-completion': {
    table: 'contract-completion',
    activityCode: 'CONTRACT-COMPLETION-SMARTSHEET-SYNC',
    dedupePrefix: 'wedoc-contract-completion',
    schema: { fDeUpD: '合同编号', f2fKLq: '完工日期' },
    sources: { fDeUpD: 'contractdocNum', f2fKLq: 'endDateExts' },
    primary: 'fDeUpD',
    numeric: [],
    datetime: ['f2fKLq'],
    multiText: [],
    identity: ['fDeUpD', 'f2fKLq'],
    pacingMs: 200,
  },
  'payment-records': {
    table: 'payment-records',
    activityCode: 'PAYMENT-RECORDS-SMARTSHEET-SYNC',
    dedupePrefix: 'wedoc-payment-records',
    schema: { fi9MN0: '合同编号', fO4cAe: '本次支付金额', fBaRQ1: '支付时间' },
    sources: { fi9MN0: 'contractCode', fO4cAe: 'payPrice', fBaRQ1: 'auditstate2Time' },
    primary: 'fi9MN0',
    numeric: ['fO4cAe'],
    datetime: ['fBaRQ1'],
    multiText: [],
    identity: ['fi9MN0', 'fO4cAe', 'fBaRQ1'],
    pacingMs: 1500,
  },
  'crew-settlement-ledger': {
    table: 'crew-settlement-ledger',
    activityCode: 'CREW-SETTLEMENT-FINANCE-LEDGER-SMARTSHEET-SYNC',
    dedupePrefix: 'wedoc-crew-settlement-finance-ledger',
    schema: {
      fyxgvW: '预结单状态', fqGMHE: '结算确认状态', f8Ry3L: '工单编号', fSrE1M: '合同编号', fZ1PWS: '委托方', fvHszr: '项目地址', ftHROL: '签约日期',
      fyMWu1: '合同金额', farqyU: '实际分派工队', f7pEOc: '工队所属服务商', fsJj7A: '邮件完工时间', fRYz36: '工队预结金额', fGjQL1: '工队补货金额',
      fPv1dh: '项目预估成本', f4Lihh: '工队结算金额', fyhv18: '工队结算月份', fvoF0B: '已支付金额',
    },
    sources: {
      f8Ry3L: 'serviceAppointmentNum', fSrE1M: 'contractdocNum', fZ1PWS: 'contactsName', fvHszr: 'address', ftHROL: 'signedDate', fyMWu1: 'adjustRefundMoney',
    },
    primary: 'f8Ry3L',
    numeric: ['fyMWu1', 'fRYz36', 'fGjQL1', 'fPv1dh', 'f4Lihh', 'fvoF0B'],
    datetime: ['ftHROL', 'fsJj7A'],
    multiText: [],
    identity: ['f8Ry3L', 'fSrE1M', 'fyxgvW', 'fqGMHE', 'fsJj7A', 'f4Lihh', 'fyhv18'],
    pacingMs: 200,
  },
  'material-replenishment': {
    table: 'material-replenishment',
    activityCode: 'MATERIAL-REPLENISHMENT-SMARTSHEET-SYNC',
    dedupePrefix: 'wedoc-material-replenishment',
    schema: { fhXiIM: '合同编号', fJUGSa: '材料名称', feCgfE: '规格', fqTjL6: '数量', fxVadL: '补货日期', fBiHT1: '补货确认' },
    sources: { fhXiIM: 'contractNum', fJUGSa: 'name', fqTjL6: 'count' },
    primary: 'fhXiIM',
    numeric: ['fqTjL6'],
    datetime: ['fxVadL'],
    multiText: [],
    identity: ['fhXiIM', 'fJUGSa', 'feCgfE', 'fqTjL6', 'fxVadL', 'fBiHT1'],
    pacingMs: 200,
  },
};
