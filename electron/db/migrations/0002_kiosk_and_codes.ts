import type { Database } from 'better-sqlite3';

/**
 * Schema v2, for administering on a shared laptop: per network the consent text, the code policy
 * (free codes, a pre-assigned list, or self-generated codes) and the idle timeout; per response the
 * consent moment, the respondent's language and the partner organisation named in that wave
 * (people move between organisations from one wave to the next).
 */
export function migrateToVersion2(db: Database): void {
  db.exec(`
    ALTER TABLE networks ADD COLUMN consent_nl TEXT CHECK (consent_nl IS NULL OR length(consent_nl) <= 8000);
    ALTER TABLE networks ADD COLUMN consent_en TEXT CHECK (consent_en IS NULL OR length(consent_en) <= 8000);
    ALTER TABLE networks ADD COLUMN code_policy TEXT NOT NULL DEFAULT 'free' CHECK (code_policy IN ('free','assigned','self'));
    ALTER TABLE networks ADD COLUMN idle_seconds INTEGER NOT NULL DEFAULT 180 CHECK (idle_seconds BETWEEN 30 AND 3600);

    ALTER TABLE responses ADD COLUMN consent_at TEXT;
    ALTER TABLE responses ADD COLUMN language TEXT NOT NULL DEFAULT 'nl' CHECK (language IN ('nl','en'));
    ALTER TABLE responses ADD COLUMN organisation_id TEXT REFERENCES organisations(id) ON DELETE SET NULL;

    -- Earlier responses take the organisation their respondent had.
    UPDATE responses SET organisation_id = (SELECT organisation_id FROM respondents p WHERE p.id = responses.respondent_id);

    CREATE INDEX respondents_network_kind ON respondents(network_id, code_kind);
  `);
}
