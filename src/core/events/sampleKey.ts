/**
 * An event's sampling key: a 32-bit hash of its id, the same in every session. The timeline
 * webview draws a sample of a large timeline, the events with the lowest keys (see the
 * extension's timelineSample.ts), so that a change of one document barely moves it.
 */
import { fnv1a } from '../text/fnv';

export function sampleKeyOf(id: string): number {
  // murmur3's finalizer: FNV-1a alone leaves ids that differ in their last digits close together.
  let h = fnv1a(id);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
