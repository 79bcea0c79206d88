import type { BackupReason } from '../../../../shared/study';

/** A file size as people read it: 845 kB, 2,4 MB. */
export function formatBytes(bytes: number, locale: 'nl' | 'en'): string {
  const tag = locale === 'nl' ? 'nl-NL' : 'en-GB';
  if (bytes < 1_000_000) return `${new Intl.NumberFormat(tag, { maximumFractionDigits: 0 }).format(Math.max(1, bytes / 1000))} kB`;
  return `${new Intl.NumberFormat(tag, { maximumFractionDigits: 1 }).format(bytes / 1_000_000)} MB`;
}

/** The i18n key of a backup reason (every migration backup reads the same). */
export function reasonKey(reason: BackupReason) {
  if (reason.startsWith('voor-migratie')) return 'data.backups.reason.migration' as const;
  switch (reason) {
    case 'start':
      return 'data.backups.reason.start' as const;
    case 'dagelijks':
      return 'data.backups.reason.daily' as const;
    case 'handmatig':
      return 'data.backups.reason.manual' as const;
    case 'voor-import':
      return 'data.backups.reason.import' as const;
    default:
      return 'data.backups.reason.restore' as const;
  }
}

/** The first block of a device id: enough to tell laptops apart in a list. */
export const shortDevice = (deviceId: string) => deviceId.slice(0, 8);
