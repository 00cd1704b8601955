import type { z } from 'zod';
import type { MessageStatusSchema } from '../../../../main/api/contract/outbox.js';

export type MessageStatus = z.infer<typeof MessageStatusSchema>;

export const STATUS_ORDER: MessageStatus[] = ['pending', 'sending', 'sent', 'failed', 'unknown', 'dead', 'cancelled'];

export const statusColor: Record<MessageStatus, string> = {
  pending: 'blue',
  sending: 'processing',
  sent: 'green',
  failed: 'orange',
  unknown: 'purple',
  dead: 'red',
  cancelled: 'default',
};
