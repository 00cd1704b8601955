export interface SuiteOutcome {
  ok: boolean;
  durationMs: number;
  result?: Record<string, unknown>;
  error?: string;
}
export interface BenchDocument {
  startedAt: string;
  finishedAt?: string;
  machine: { cpuModel: string; cores: number; totalMemoryBytes: number; platform: string; arch: string; osRelease: string; node: string };
  suites: Record<string, SuiteOutcome>;
}
export function machineInfo(): BenchDocument['machine'];
export function listSuites(filters?: string[], suitesDir?: string): Array<{ name: string; file: string }>;
export function runSuite(file: string): Promise<SuiteOutcome>;
export function runBench(options?: { filters?: string[]; suitesDir?: string }): Promise<BenchDocument>;
