import { Emitter, output, requireColumns, warnIfEmpty, warnRows, type MonitorInvocation, type MonitorRun } from '../pipeline.js';
import { smartsheetSettingsSchema } from '../settings.js';
import { sheetDrafts, type SheetDraft } from '../transforms/smartsheet.js';
import { SMARTSHEET_TABLES, type SmartsheetTableId } from '../transforms/smartsheet-tables.js';

/**
 * The five `smartsheet-*` jobs (spec §7.5): one `add_records` message per card row with a primary
 * value, once per row identity (add-only: later changes of other columns never update the sheet).
 */
export const SMARTSHEET_JOB_IDS: Record<SmartsheetTableId, string> = {
  'project-settlement': 'smartsheet-project-settlement',
  'contract-completion': 'smartsheet-contract-completion',
  'payment-records': 'smartsheet-payment-records',
  'crew-settlement-ledger': 'smartsheet-crew-settlement-ledger',
  'material-replenishment': 'smartsheet-material-replenishment',
};

function withoutUnpostable(draft: SheetDraft): SheetDraft {
  const payload = draft.content.kind === 'smartsheet' ? draft.content.payload : {};
  const records = payload.add_records as Array<{ values: Record<string, unknown> }>;
  const values = Object.fromEntries(Object.entries(records[0]?.values ?? {}).filter(([id]) => !draft.unpostable.includes(id)));
  return { ...draft, content: { kind: 'smartsheet', payload: { ...payload, add_records: [{ values }] } } };
}

export function smartsheetBody(table: SmartsheetTableId) {
  const spec = SMARTSHEET_TABLES[table];
  const jobId = SMARTSHEET_JOB_IDS[table];
  return (inv: MonitorInvocation): MonitorRun => {
    const s = smartsheetSettingsSchema(table).parse(inv.ctx.settings);
    const lenient = inv.policy === 'warn-skip';
    if (lenient) {
      requireColumns(inv.card, inv.cardId, jobId, [[spec.sources[spec.primary] ?? '', spec.schema[spec.primary] ?? ''].filter(Boolean)]);
      warnIfEmpty(inv.ctx, inv.card, inv.cardId);
    }
    const emitter = new Emitter(inv.store, inv.ctx);
    const result = sheetDrafts(inv.card, spec);
    const counts = { rows: inv.card.rows.length, eligible: result.drafts.length, skipped: result.skipped.length, added: 0 };
    const summary = () => ({ key: 'smartsheet', params: { ...counts, table } });
    if (result.overflow && !lenient) {
      // v1 converted every row before queueing any: a date it could not represent stopped the run.
      return { output: output(emitter, counts, summary()), abort: { error: `row ${result.overflow.row + 1}: ${result.overflow.message}`, posted: false } };
    }
    warnRows(inv.ctx, inv.cardId, 'without a primary value (skipped, as v1 did)', result.skipped);
    if (result.overflow) warnRows(inv.ctx, inv.cardId, 'with a date out of range (row skipped; v1 stopped the run)', [result.overflow]);
    if (lenient) {
      const columnsOf = (ids: string[]) => ids.map((id) => spec.sources[id] || spec.schema[id]).join(', ');
      const unreadable = result.drafts.filter((d) => d.unreadable.length > 0).map((d) => ({ row: d.row, column: columnsOf(d.unreadable), message: 'not a number or date (left out, as v1 did)' }));
      warnRows(inv.ctx, inv.cardId, 'with unreadable numbers or dates', unreadable);
      const infinite = result.drafts.filter((d) => d.unpostable.length > 0).map((d) => ({ row: d.row, column: columnsOf(d.unpostable), message: 'not a finite number (left out)' }));
      warnRows(inv.ctx, inv.cardId, 'with an infinite or NaN number', infinite);
    }
    for (const draft of result.drafts) {
      const message = { ...(lenient ? withoutUnpostable(draft) : draft), recipient: s.recipient };
      // v1 queued a payload with Infinity/NaN but could never post it (its JSON encoder refused).
      if (emitter.emit(message, { deliver: lenient || draft.unpostable.length === 0 })) counts.added++;
    }
    return { output: output(emitter, counts, summary(), result.drafts.map((d) => ({ key: d.businessId, fields: { row: d.row } }))) };
  };
}
