/**
 * Badges by the rules (domain.md §5, issue 10):
 *
 * - an award the rules refuse can still be recorded on a special decision of the province's standing committee: the
 *   award keeps that decision (number and date) and the words of the rule it set aside;
 * - the due list of an anniversary also holds members a discipline delay held back at the previous one: they are found
 *   through the party discipline decisions of the year before it (an index on the decision date);
 * - deceased members proposed for a posthumous award (member.flags.posthumous) are found through their own small index.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE member_badge_award ADD COLUMN override_decision_no text`.execute(db);
  await sql`ALTER TABLE member_badge_award ADD COLUMN override_decision_date date`.execute(db);
  await sql`ALTER TABLE member_badge_award ADD COLUMN override_rule text`.execute(db);
  await sql`
    ALTER TABLE member_badge_award ADD CONSTRAINT member_badge_award_override_check
    CHECK ((override_decision_no IS NULL) = (override_decision_date IS NULL) AND (override_decision_no IS NULL) = (override_rule IS NULL))`.execute(db);
  await sql`CREATE INDEX member_discipline_decided_idx ON member_discipline (decision_date) WHERE kind = 'party'`.execute(db);
  await sql`CREATE INDEX member_posthumous_idx ON member (left_on) WHERE (flags->>'posthumous') = 'true'`.execute(db);
}
