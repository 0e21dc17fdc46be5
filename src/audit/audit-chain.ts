import { createHash } from 'node:crypto';
import { canonicalJson } from '../../adapters/kit/fingerprint.js';
import { newId } from '../domain/ids.js';
import type { AuditDraft, AuditEntry, AuditHead } from './audit-entry.js';

/**
 * Links drafts onto the chain after `head`, in order: each entry's hash covers the entry and the
 * hash before it. Stores call this inside the transaction that makes the entries durable, so the
 * chain never forks, whatever number of service instances write.
 */
export function chainEntries(head: AuditHead, drafts: readonly AuditDraft[]): { entries: AuditEntry[]; head: AuditHead } {
  let { seq, hash } = head;
  const entries = drafts.map((d) => {
    const body: Omit<AuditEntry, 'hash'> = {
      seq: ++seq,
      id: newId('aud'),
      at: d.at,
      action: d.action,
      actor: d.actor,
      source: d.source,
      requestId: d.requestId,
      pauseId: d.pauseId ?? null,
      itemId: d.itemId ?? null,
      connectionId: d.connectionId ?? null,
      data: d.data ?? {},
      prevHash: hash,
    };
    hash = hashEntry(body);
    return { ...body, hash };
  });
  return { entries, head: { seq, hash } };
}

export function hashEntry(body: Omit<AuditEntry, 'hash'>): string {
  return `sha256:${createHash('sha256').update(canonicalJson(body)).digest('hex')}`;
}
