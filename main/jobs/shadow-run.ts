import type { ModeSnapshot } from '../shadow/modes.js';
import type { ExecuteResult, RunRequest } from '../shadow/run-shadow.js';
import type { ShadowRun } from '../shadow/run-store.js';

/** The runner's side of shadow mode: which runs need it, and what it says about them. */

/** What the runner asks of shadow mode (main/shadow): the mode a run starts in, and a run that is not a plain control run. */
export interface RunnerShadow {
  /** The mode snapshot a run takes when it starts and keeps to its end (`getModeForRun`). */
  modeFor(jobId: string, defaultPipeline: string): ModeSnapshot;
  /** `executeRun(shadowContext(herald), snapshot, request)`; its live side comes back through `JobRunner.sides`. */
  execute(snapshot: ModeSnapshot, request: RunRequest): Promise<ExecuteResult>;
}

/** The run log's line about the comparison of a shadow run. */
export function comparisonWords(run: ShadowRun): string {
  const other = run.liveSide === 'control' ? run.candidate : run.control;
  const name = other?.pipelineId ?? (run.liveSide === 'control' ? run.candidatePipeline : run.controlPipeline);
  if (other?.error) return `${name} beside it failed: ${other.error.message} (shadow run ${run.id})`;
  if (!run.counts) return `Compared nothing with ${name} (shadow run ${run.id})`;
  const { records, messages } = run.counts;
  const differing = (c: typeof records) => c.different + c.onlyInControl + c.onlyInCandidate;
  return run.consistent
    ? `${name} gave the same ${records.total} records and ${messages.total} messages (shadow run ${run.id})`
    : `${name} differs: ${differing(records)} of ${records.total} records, ${differing(messages)} of ${messages.total} messages (shadow run ${run.id})`;
}

/** A plain control run (today's path) unless the snapshot asks for more: a candidate, a state handover, an external command. */
export function plainControl(s: ModeSnapshot): boolean {
  return (s.mode === 'control' || s.candidatePipeline === null) && s.stateHolder === s.controlPipeline && !(s.controlPipeline in s.config.externalCommands);
}

export const livePipeline = (s: ModeSnapshot) => (s.mode === 'candidate' && s.candidatePipeline !== null ? s.candidatePipeline : s.controlPipeline);
