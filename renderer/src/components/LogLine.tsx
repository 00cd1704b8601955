import { Tag, Typography } from 'antd';
import type { z } from 'zod';
import type { LogLevelSchema } from '../../../main/api/contract/system.js';

type Level = z.infer<typeof LogLevelSchema>;
const levelColor: Record<Level, string> = { error: 'red', warn: 'orange', info: 'blue', debug: 'default' };

/** A log line's level as a tag coloured by severity (Logs page, a run's log). */
export function LogLevelTag({ level, label }: { level: Level; label: string }) {
  return <Tag color={levelColor[level]}>{label}</Tag>;
}

/** A log line's message followed by its structured context, greyed. */
export function LogMessage({ message, context }: { message: string; context?: unknown }) {
  return (
    <span>
      {message}
      {context ? <Typography.Text type="secondary"> {JSON.stringify(context)}</Typography.Text> : null}
    </span>
  );
}
