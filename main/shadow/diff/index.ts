import { diffLines } from './lines.js';
import { pairMessages } from './messages.js';
import { pairByKey, type Pair } from './pairing.js';
import { compareRecordFields, comparedFields, fieldsOf } from './records.js';
import type { DiffRules } from './rules.js';
import type { Counts, DiffMessage, DiffSide, MessageDifference, Noise, RecordDifference, ShadowDiff } from './types.js';

export * from './types.js';
export { defaultDiffRules, diffRules, DiffRulesSchema, type DiffRules, type DiffRulesInput } from './rules.js';
export { diffLines } from './lines.js';
export { valuesEqual } from './values.js';

const zero = (): Counts => ({ equal: 0, different: 0, onlyInControl: 0, onlyInCandidate: 0, noiseOnly: 0, total: 0 });

function messageDiffers(pair: Pair<DiffMessage>): { text: boolean; recipient: boolean } {
  const text = pair.control!.text !== pair.candidate!.text;
  const recipient = (pair.control!.recipient ?? '') !== (pair.candidate!.recipient ?? '');
  return { text, recipient };
}

function sideSchema(control: DiffSide, candidate: DiffSide) {
  return { control: fieldsOf(control.records), candidate: fieldsOf(candidate.records) };
}

/**
 * Compares what the control and the candidate produced for one run. Differences in a field (or a
 * message, or a record's presence) that also differed between two runs of the control are noise:
 * listed apart and left out of the verdict.
 */
export function diffSides(control: DiffSide, candidate: DiffSide, rules: DiffRules, noise: Noise | null = null): ShadowDiff {
  const schema = sideSchema(control, candidate);
  const noiseFields = new Set(noise?.fields ?? []);
  const noiseRecords = new Set(noise?.recordKeys ?? []);
  const noiseMessages = new Set(noise?.messageKeys ?? []);
  let truncated = false;
  const keep = <T>(list: T[], item: T) => {
    if (list.length < rules.maxDetails) list.push(item);
    else truncated = true;
  };

  const records = zero();
  const recordDifferences: RecordDifference[] = [];
  const fieldCounts: Record<string, number> = {};
  for (const pair of pairByKey(control.records, candidate.records, (r) => r.key)) {
    records.total++;
    const base = { key: pair.key, control: pair.control?.fields ?? null, candidate: pair.candidate?.fields ?? null };
    if (!pair.control || !pair.candidate) {
      const status = noiseRecords.has(pair.key) ? 'noise' : pair.control ? 'onlyInControl' : 'onlyInCandidate';
      records[status === 'noise' ? 'noiseOnly' : status]++;
      keep(recordDifferences, { ...base, status, differences: [], noise: [] });
      continue;
    }
    const all = compareRecordFields(pair.control, pair.candidate, comparedFields(pair.control, pair.candidate, rules, schema), rules);
    if (all.length === 0) {
      records.equal++;
      continue;
    }
    const differences = all.filter((d) => !noiseFields.has(d.field));
    for (const d of differences) fieldCounts[d.field] = (fieldCounts[d.field] ?? 0) + 1;
    const status = differences.length ? 'different' : 'noise';
    records[status === 'noise' ? 'noiseOnly' : status]++;
    keep(recordDifferences, { ...base, status, differences, noise: all.filter((d) => noiseFields.has(d.field)) });
  }

  const { pairing, pairs } = pairMessages(control.messages, candidate.messages);
  const messages = { ...zero(), pairing };
  const messageDifferences: MessageDifference[] = [];
  for (const pair of pairs) {
    messages.total++;
    const side = (m: DiffMessage | null) => (m ? { ...(m.recipient !== undefined ? { recipient: m.recipient } : {}), text: m.text } : null);
    const base = { index: pair.index, pairKey: pair.key, control: side(pair.control), candidate: side(pair.candidate) };
    if (!pair.control || !pair.candidate) {
      const status = noiseMessages.has(pair.key) ? 'noise' : pair.control ? 'onlyInControl' : 'onlyInCandidate';
      messages[status === 'noise' ? 'noiseOnly' : status]++;
      keep(messageDifferences, { ...base, status, recipientDiffers: false, lines: [] });
      continue;
    }
    const differs = messageDiffers(pair);
    if (!differs.text && !(rules.compareRecipients && differs.recipient)) {
      messages.equal++;
      continue;
    }
    const status = noiseMessages.has(pair.key) ? 'noise' : 'different';
    messages[status === 'noise' ? 'noiseOnly' : status]++;
    keep(messageDifferences, { ...base, status, recipientDiffers: differs.recipient, lines: differs.text ? diffLines(pair.control.text, pair.candidate.text) : [] });
  }

  const total = records.total + messages.total;
  const agreeing = records.equal + records.noiseOnly + messages.equal + messages.noiseOnly;
  return {
    records,
    messages,
    schema: {
      onlyInControl: [...schema.control].filter((f) => !schema.candidate.has(f)),
      onlyInCandidate: [...schema.candidate].filter((f) => !schema.control.has(f)),
    },
    recordDifferences,
    messageDifferences,
    fieldCounts,
    noise,
    consistency: total === 0 ? 1 : agreeing / total,
    consistent: agreeing === total,
    truncated,
  };
}

/**
 * Noise calibration (as Diffy does): two runs of the control on the same input. Whatever differs
 * between them — fields, a record's presence, a message — is not the candidate's doing.
 */
export function calibrateNoise(first: DiffSide, second: DiffSide, rules: DiffRules): Noise {
  const schema = sideSchema(first, second);
  const fields = new Set<string>();
  const recordKeys = new Set<string>();
  for (const pair of pairByKey(first.records, second.records, (r) => r.key)) {
    if (!pair.control || !pair.candidate) recordKeys.add(pair.key);
    else for (const d of compareRecordFields(pair.control, pair.candidate, comparedFields(pair.control, pair.candidate, rules, schema), rules)) fields.add(d.field);
  }
  const messageKeys = new Set<string>();
  for (const pair of pairMessages(first.messages, second.messages).pairs) {
    if (!pair.control || !pair.candidate) messageKeys.add(pair.key);
    else {
      const differs = messageDiffers(pair);
      if (differs.text || (rules.compareRecipients && differs.recipient)) messageKeys.add(pair.key);
    }
  }
  return { fields: [...fields].sort(), recordKeys: [...recordKeys], messageKeys: [...messageKeys] };
}
