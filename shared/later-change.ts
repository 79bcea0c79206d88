/**
 * The one rule that picks between two versions of the same thing changed on two laptops: the later
 * change holds, and at the same moment the one from the smaller device id. Every laptop that holds
 * the same versions picks the same one, whatever order study files arrived in. Negative when `a`
 * holds, positive when `b` holds, 0 for the same moment on the same device.
 */
export interface Change {
  /** When the change was made (ISO 8601; a study file may carry an offset rather than Z). */
  at: string;
  deviceId: string;
}

export function compareChanges(a: Change, b: Change): number {
  // As instants: a study file may carry a time with an offset (+01:00) rather than Z.
  const at = Date.parse(a.at);
  const bt = Date.parse(b.at);
  if (at !== bt) return at > bt ? -1 : 1;
  if (a.deviceId !== b.deviceId) return a.deviceId < b.deviceId ? -1 : 1;
  return 0;
}

/** Of the version on this laptop and the one in a study file, which holds (compareChanges). */
export function holdingVersion(local: Change, incoming: Change): 'local' | 'incoming' {
  return compareChanges(incoming, local) < 0 ? 'incoming' : 'local';
}
