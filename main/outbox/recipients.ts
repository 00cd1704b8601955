import { SECRET_ADDRESS, type ChannelType } from '../api/contract/channel-model.js';
import type { Db } from '../db/open.js';
import { maskSecret, type SecretBox } from '../db/secrets.js';
import { HeraldError } from '../shared/errors.js';
import { bumpConfigVersion } from './control.js';
import { knownRecipient, knownRecipients, type KnownRecipient } from './known-recipients.js';

/**
 * Logical recipients (`bj-ops-group`, `provider:北京…公司`, `campaign-contact:BJ`) and their address
 * per channel, in route order. A recipient `prefix:name` that is not configured falls back to
 * `prefix:*` when that exists — v1's "provider's webhook, else the default" (spec §5.6).
 */
export interface RouteEntry {
  channel: ChannelType;
  address: string;
}

export interface ResolvedRoute {
  /** The configured recipient that answered (the wildcard when it stood in). */
  recipientId: string;
  entries: RouteEntry[];
}

interface AddressRow {
  recipient_id: string;
  channel: ChannelType;
  position: number;
  address: string;
  address_sealed: number;
}

export function wildcardOf(recipientId: string): string | undefined {
  const i = recipientId.indexOf(':');
  return i > 0 && recipientId.slice(i + 1) !== '*' ? `${recipientId.slice(0, i)}:*` : undefined;
}

function entriesOf(db: Db, box: SecretBox, recipientId: string): RouteEntry[] | undefined {
  const exists = db.prepare('SELECT 1 FROM recipients WHERE id = ?').get(recipientId);
  if (!exists) return undefined;
  const rows = db.prepare('SELECT * FROM customer_channel_identifiers WHERE recipient_id = ? ORDER BY position').all(recipientId) as AddressRow[];
  return rows.map((r) => ({ channel: r.channel, address: r.address_sealed ? box.open(r.address) : r.address }));
}

export function resolveRoute(db: Db, box: SecretBox, recipientId: string): ResolvedRoute | undefined {
  const own = entriesOf(db, box, recipientId);
  if (own) return { recipientId, entries: own };
  const wildcard = wildcardOf(recipientId);
  const fallback = wildcard ? entriesOf(db, box, wildcard) : undefined;
  return fallback && wildcard ? { recipientId: wildcard, entries: fallback } : undefined;
}

export interface RecipientInput {
  id: string;
  name?: string;
  note?: string;
  /** In route order. An omitted address on a channel whose address is secret keeps the stored one. */
  route: Array<{ channel: ChannelType; address?: string }>;
}

export interface RecipientView {
  id: string;
  name: string;
  note: string;
  route: Array<{ channel: ChannelType; address: string; secret: boolean }>;
  updatedAt: number;
  /** Stored in Settings → Recipients; false for a known recipient nobody configured yet. */
  configured: boolean;
  /** Declared by a capability that sends to it (`registerKnownRecipients`). */
  known: Omit<KnownRecipient, 'id'> | null;
}

function knownPart(id: string): RecipientView['known'] {
  const k = knownRecipient(id);
  return k ? { name: k.name, ...(k.usedBy ? { usedBy: k.usedBy } : {}) } : null;
}

/** Stored recipients, then the known ones nobody configured yet (`configured: false`), by id. */
export function listRecipients(db: Db, box: SecretBox): RecipientView[] {
  const recipients = db.prepare('SELECT id, name, note, updated_at FROM recipients ORDER BY id').all() as Array<{ id: string; name: string; note: string; updated_at: number }>;
  const rows = db.prepare('SELECT * FROM customer_channel_identifiers ORDER BY recipient_id, position').all() as AddressRow[];
  const stored: RecipientView[] = recipients.map((r) => ({
    id: r.id,
    name: r.name,
    note: r.note,
    updatedAt: r.updated_at,
    configured: true,
    known: knownPart(r.id),
    route: rows
      .filter((a) => a.recipient_id === r.id)
      .map((a) => ({ channel: a.channel, secret: a.address_sealed === 1, address: a.address_sealed ? maskSecret(box.open(a.address)) : a.address })),
  }));
  const ids = new Set(stored.map((r) => r.id));
  const unconfigured: RecipientView[] = knownRecipients()
    .filter((k) => !ids.has(k.id))
    .map((k) => ({ id: k.id, name: '', note: '', updatedAt: 0, configured: false, known: knownPart(k.id), route: [] }));
  return [...stored, ...unconfigured].sort((a, b) => a.id.localeCompare(b.id));
}

export function saveRecipient(db: Db, box: SecretBox, input: RecipientInput, now: number): void {
  const channels = input.route.map((r) => r.channel);
  if (new Set(channels).size !== channels.length) throw new HeraldError('RECIPIENT_ROUTE_INVALID', `Recipient ${input.id} lists a channel twice in its route.`, { recipient: input.id });
  db.transaction(() => {
    const stored = new Map(
      (db.prepare('SELECT * FROM customer_channel_identifiers WHERE recipient_id = ?').all(input.id) as AddressRow[]).map((r) => [r.channel, r]),
    );
    db.prepare(
      `INSERT INTO recipients (id, name, note, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET name = excluded.name, note = excluded.note, updated_at = excluded.updated_at`,
    ).run(input.id, input.name ?? '', input.note ?? '', now);
    db.prepare('DELETE FROM customer_channel_identifiers WHERE recipient_id = ?').run(input.id);
    const insert = db.prepare('INSERT INTO customer_channel_identifiers (recipient_id, channel, position, address, address_sealed) VALUES (?, ?, ?, ?, ?)');
    input.route.forEach((entry, position) => {
      const secret = SECRET_ADDRESS[entry.channel];
      const given = entry.address?.trim();
      if (!given) {
        const keep = stored.get(entry.channel);
        if (!keep) throw new HeraldError('RECIPIENT_ADDRESS_MISSING', `Recipient ${input.id} needs an address for ${entry.channel}.`, { recipient: input.id, channel: entry.channel });
        insert.run(input.id, entry.channel, position, keep.address, keep.address_sealed);
        return;
      }
      insert.run(input.id, entry.channel, position, secret ? box.seal(given) : given, secret ? 1 : 0);
    });
    bumpConfigVersion(db);
  })();
}

export function deleteRecipient(db: Db, id: string): boolean {
  const deleted = db.prepare('DELETE FROM recipients WHERE id = ?').run(id).changes > 0;
  if (deleted) bumpConfigVersion(db);
  return deleted;
}
