/**
 * Every error Herald reports carries a stable code (for the UI catalogue and for callers that
 * branch on it), a sentence a person understands, and the context it happened in (job, run, card,
 * row, column …). Stack traces stay in the log; they never travel to a client.
 */
export type ErrorContext = Record<string, string | number | boolean | null | undefined>;

export class HeraldError extends Error {
  readonly code: string;
  readonly context: ErrorContext;

  constructor(code: string, message: string, context: ErrorContext = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'HeraldError';
    this.code = code;
    this.context = context;
  }

  toJSON(): { code: string; message: string; context: ErrorContext } {
    return { code: this.code, message: this.message, context: this.context };
  }
}

export function isHeraldError(value: unknown): value is HeraldError {
  return value instanceof HeraldError;
}

/** Wraps anything thrown into a HeraldError without losing the original as `cause`. */
export function toHeraldError(value: unknown, fallbackCode = 'INTERNAL'): HeraldError {
  if (value instanceof HeraldError) return value;
  if (value instanceof Error) return new HeraldError(fallbackCode, value.message, {}, { cause: value });
  return new HeraldError(fallbackCode, String(value));
}

export function errorStack(value: unknown): string | undefined {
  return value instanceof Error ? value.stack : undefined;
}
