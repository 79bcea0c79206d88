/** The services of issue 6 (backups, study files, audit log, erasure), gathered for handlers.ts. */
export { createManualBackup, deleteBackupsBeforeErasure, getDataSettings, listBackups, restoreBackup, updateDataSettings } from './backups';
export { exportStudyFile, importStudyFile, previewStudyFile } from './study-files';
export { exportAuditLog, listAuditLog } from './audit';
export { eraseRespondent, previewErasure } from './erasure';
