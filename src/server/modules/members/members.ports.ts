/**
 * What the members module asks of modules above it, passed by the composition root (src/server/app.ts).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/**
 * Inspection (issue 15 part 3): while a case against the member is open, a transfer is refused; the answer is the
 * reason to show, or null. Read inside the transfer's transaction. It replaces the member's `underInspection` flag
 * (migration 0024 turned each flag into an open case).
 */
export type OpenInspectionCasePort = (db: Kysely<DB>, memberId: string) => Promise<string | null>;
