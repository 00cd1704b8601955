/**
 * Logical recipients the jobs send to, declared by the capabilities that use them (campaign groups,
 * monitor webhooks …), so Settings → Recipients lists them — named in both UI languages — before
 * anyone configured a route, and a message to one that is still unconfigured says which it is.
 */
export interface KnownRecipient {
  id: string;
  name: { 'zh-CN': string; en: string };
  /** Who sends to it, in both languages (shown as a hint). */
  usedBy?: { 'zh-CN': string; en: string };
}

const known = new Map<string, KnownRecipient>();

/** Declares recipients; returns the undo (a service's stop). A later declaration of an id replaces the earlier. */
export function registerKnownRecipients(list: readonly KnownRecipient[]): () => void {
  for (const r of list) known.set(r.id, r);
  return () => {
    for (const r of list) if (known.get(r.id) === r) known.delete(r.id);
  };
}

export function knownRecipient(id: string): KnownRecipient | undefined {
  return known.get(id);
}

export function knownRecipients(): KnownRecipient[] {
  return [...known.values()].sort((a, b) => a.id.localeCompare(b.id));
}
