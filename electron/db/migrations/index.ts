import type { Database } from 'better-sqlite3';
import { migrateToVersion1 } from './0001_initial';
import { migrateToVersion2 } from './0002_kiosk_and_codes';
import { migrateToVersion3 } from './0003_erasures_and_merges';
import { migrateToVersion4 } from './0004_link_decisions';
import { migrateToVersion5 } from './0005_answer_scores_index';
import { migrateToVersion6 } from './0006_kiosk_stop';
import { migrateToVersion7 } from './0007_discarded_responses';
import { migrateToVersion8 } from './0008_organisation_membership';
import { migrateToVersion9 } from './0009_removed_organisations';
import { migrateToVersion10 } from './0010_meeting_mode';
import { migrateToVersion11 } from './0011_wave_occasions';
import { migrateToVersion12 } from './0012_relation_answers';

export interface Migration {
  /** The schema version the database has after this step; equals its position in the list. */
  version: number;
  /** The module file name, so a meta-test can demand one test per migration. */
  file: string;
  up: (db: Database) => void;
}

/** Every schema step in order. Add a new numbered module and append it here; never edit a shipped step. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, file: '0001_initial', up: migrateToVersion1 },
  { version: 2, file: '0002_kiosk_and_codes', up: migrateToVersion2 },
  { version: 3, file: '0003_erasures_and_merges', up: migrateToVersion3 },
  { version: 4, file: '0004_link_decisions', up: migrateToVersion4 },
  { version: 5, file: '0005_answer_scores_index', up: migrateToVersion5 },
  { version: 6, file: '0006_kiosk_stop', up: migrateToVersion6 },
  { version: 7, file: '0007_discarded_responses', up: migrateToVersion7 },
  { version: 8, file: '0008_organisation_membership', up: migrateToVersion8 },
  { version: 9, file: '0009_removed_organisations', up: migrateToVersion9 },
  { version: 10, file: '0010_meeting_mode', up: migrateToVersion10 },
  { version: 11, file: '0011_wave_occasions', up: migrateToVersion11 },
  { version: 12, file: '0012_relation_answers', up: migrateToVersion12 },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
