/** One side of a comparison: what a pipeline (or v1's command) produced for one run. */
export interface DiffRecord {
  key: string;
  fields: Record<string, unknown>;
}

export interface DiffMessage {
  /** businessType + businessId + recipient; absent when the side gives no identity (v1's output). */
  identity?: string;
  recipient?: string;
  text: string;
}

export interface DiffSide {
  records: DiffRecord[];
  messages: DiffMessage[];
}

export interface FieldDifference {
  field: string;
  control: unknown;
  candidate: unknown;
}

export type LineOp = { op: 'equal' | 'delete' | 'insert'; text: string };

export interface Counts {
  equal: number;
  different: number;
  onlyInControl: number;
  onlyInCandidate: number;
  /** Pairs that differ only where two control runs differ too (excluded from the verdict). */
  noiseOnly: number;
  total: number;
}

export type DifferenceStatus = 'different' | 'noise' | 'onlyInControl' | 'onlyInCandidate';

export interface RecordDifference {
  key: string;
  status: DifferenceStatus;
  control: Record<string, unknown> | null;
  candidate: Record<string, unknown> | null;
  differences: FieldDifference[];
  noise: FieldDifference[];
}

export interface MessageDifference {
  /** Position in the control's list (or the candidate's, for one only there). */
  index: number;
  pairKey: string;
  status: DifferenceStatus;
  control: { recipient?: string; text: string } | null;
  candidate: { recipient?: string; text: string } | null;
  recipientDiffers: boolean;
  /** Line diff of the two texts (empty when the texts are equal or a side is missing). */
  lines: LineOp[];
}

/** Fields, records and messages that differ between two runs of the control on the same input. */
export interface Noise {
  fields: string[];
  recordKeys: string[];
  messageKeys: string[];
}

export interface ShadowDiff {
  records: Counts;
  messages: Counts & { pairing: 'identity' | 'position' };
  schema: { onlyInControl: string[]; onlyInCandidate: string[] };
  recordDifferences: RecordDifference[];
  messageDifferences: MessageDifference[];
  /** Every field that differed at least once (real differences only), with how often. */
  fieldCounts: Record<string, number>;
  noise: Noise | null;
  /** Share of records and messages with no real difference, 0…1 (1 when both sides are empty). */
  consistency: number;
  consistent: boolean;
  /** True when more differences exist than `maxDetails` kept. */
  truncated: boolean;
}
