/**
 * Congress queries: terms, committee seats, rounds and their preparation checklists. A term, its seats and a round
 * belong to the scope of their organisation; the organisations' tables are read through the orgs module's fragments
 * and the members' roll through the members module's (`rollOnSql`).
 */
import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Scope } from '../../http/actor.ts';
import { orgCurrentPathSql, orgInScopeSql } from '../orgs/orgs.admissions.repo.ts';
import { latestOrgNameSql } from '../orgs/orgs.names.repo.ts';
import { subtreeInForceSql } from '../orgs/orgs.repo.ts';
import { orgWithinOnSql } from '../orgs/orgs.reports.repo.ts';
import { rollOnSql } from '../members/members.roll.repo.ts';

// --- terms -------------------------------------------------------------------------------------------------------------

/** A term whose organisation lies in the scope, with the organisation's current path and latest name. */
export function findTerm(db: Kysely<DB>, scope: Scope, id: string) {
  return db
    .selectFrom('congress_term as t')
    .selectAll('t')
    .select([orgCurrentPathSql('t.org_id').as('org_path'), latestOrgNameSql('t.org_id').as('org_name')])
    .where('t.id', '=', id)
    .where(orgInScopeSql('t.org_id', scope))
    .executeTakeFirst();
}

/** The terms of an organisation, oldest first. */
export function termsOf(db: Kysely<DB>, orgId: string) {
  return db.selectFrom('congress_term').selectAll().where('org_id', '=', orgId).orderBy('congress_on').execute();
}

export async function insertTerm(db: Kysely<DB>, row: Insertable<DB['congress_term']>): Promise<void> {
  await db.insertInto('congress_term').values(row).execute();
}

export async function updateTerm(db: Kysely<DB>, id: string, row: Updateable<DB['congress_term']>): Promise<void> {
  await db.updateTable('congress_term').set(row).where('id', '=', id).execute();
}

/** The term of the organisation opened by a congress on that day, if any (one congress a day). */
export function termOn(db: Kysely<DB>, orgId: string, congressOn: string) {
  return db.selectFrom('congress_term').select(['id']).where('org_id', '=', orgId).where('congress_on', '=', congressOn).executeTakeFirst();
}

// --- seats -------------------------------------------------------------------------------------------------------------

/** Every seat of a term, in the order they began. */
export function seatsOf(db: Kysely<DB>, termId: string) {
  return db.selectFrom('committee_seat').selectAll().where('term_id', '=', termId).orderBy('from_on').orderBy('created_at').orderBy('id').execute();
}

export async function insertSeats(db: Kysely<DB>, rows: Insertable<DB['committee_seat']>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('committee_seat').values(rows).execute();
}

/** A seat with its term's organisation (current path), to decide the scope of a change. */
export function findSeat(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('committee_seat as s')
    .innerJoin('congress_term as t', 't.id', 's.term_id')
    .selectAll('s')
    .select(['t.org_id', 't.congress_on', orgCurrentPathSql('t.org_id').as('org_path')])
    .where('s.id', '=', id)
    .executeTakeFirst();
}

export async function endSeat(
  db: Kysely<DB>,
  id: string,
  end: Pick<Updateable<DB['committee_seat']>, 'ended_on' | 'end_reason' | 'end_decision_no' | 'end_note' | 'updated_at'>,
): Promise<void> {
  await db.updateTable('committee_seat').set(end).where('id', '=', id).where('ended_on', 'is', null).execute();
}

/**
 * Where the members of a committee are on the roll on a date: the organisation holding them, their status, and
 * whether that organisation stands in the subtree of `path` (the committee's organisation on that date).
 */
export async function seatRolls(db: Kysely<DB>, memberIds: string[], asOf: string, path: string) {
  if (memberIds.length === 0) return [];
  const { rows } = await sql<{ member_id: string; org_id: string; status: string; membership: string; inside: boolean }>`
    SELECT r.member_id, r.org_id, r.status, r.membership, ${orgWithinOnSql('r.org_id', sql`${asOf}::date`, path)} AS inside
    FROM ${rollOnSql(asOf)} r WHERE r.member_id = ANY(${memberIds}::uuid[])`.execute(db);
  return rows;
}

/** Official members on the rolls of the subtree at `path` (the tree of the date) on the date. */
export async function officialMembersOn(db: Kysely<DB>, path: string, asOf: string): Promise<number> {
  const { rows } = await sql<{ n: string | number }>`
    SELECT count(*) AS n FROM ${rollOnSql(asOf)} r JOIN ${subtreeInForceSql(path, asOf)} s ON s.org_id = r.org_id
    WHERE r.membership = 'official'`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

// --- rounds ------------------------------------------------------------------------------------------------------------

/** A round whose organisation lies in the scope, with its current path and latest name. */
export function findRound(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('congress_round as r')
    .selectAll('r')
    .select([orgCurrentPathSql('r.org_id').as('org_path'), latestOrgNameSql('r.org_id').as('org_name')])
    .where('r.id', '=', id)
    .executeTakeFirst();
}

/** Every round with its organisation's current path (the service keeps those the reader sees), newest first. */
export function listRounds(db: Kysely<DB>) {
  return db
    .selectFrom('congress_round as r')
    .selectAll('r')
    .select([orgCurrentPathSql('r.org_id').as('org_path'), latestOrgNameSql('r.org_id').as('org_name')])
    .orderBy('r.from_on', 'desc')
    .orderBy('r.id')
    .execute();
}

export async function insertRound(db: Kysely<DB>, row: Insertable<DB['congress_round']>): Promise<void> {
  await db.insertInto('congress_round').values(row).execute();
}

/** For each organisation, its last congress before `before` (the term in force when a round's window opens). */
export async function lastCongressBefore(db: Kysely<DB>, orgIds: string[], before: string) {
  if (orgIds.length === 0) return [];
  const { rows } = await sql<{ org_id: string; congress_on: string }>`
    SELECT DISTINCT ON (t.org_id) t.org_id, t.congress_on::text AS congress_on FROM congress_term t
    WHERE t.org_id = ANY(${orgIds}::uuid[]) AND t.congress_on < ${before} ORDER BY t.org_id, t.congress_on DESC`.execute(db);
  return rows;
}

/** For each organisation, its first congress in [from, asOf] (the congress of the round, when held). */
export async function firstCongressBetween(db: Kysely<DB>, orgIds: string[], from: string, asOf: string) {
  if (orgIds.length === 0) return [];
  const { rows } = await sql<{ org_id: string; congress_on: string }>`
    SELECT t.org_id, min(t.congress_on)::text AS congress_on FROM congress_term t
    WHERE t.org_id = ANY(${orgIds}::uuid[]) AND t.congress_on >= ${from} AND t.congress_on <= ${asOf} GROUP BY t.org_id`.execute(db);
  return rows;
}

/** The items of a round's checklist done by `asOf`, per organisation. */
export async function prepDoneCounts(db: Kysely<DB>, roundId: string, asOf: string) {
  const { rows } = await sql<{ org_id: string; done: string | number }>`
    SELECT p.org_id, count(*) AS done FROM congress_prep p
    WHERE p.round_id = ${roundId} AND p.done_on IS NOT NULL AND p.done_on <= ${asOf} GROUP BY p.org_id`.execute(db);
  return rows;
}

/** One organisation's checklist entries in a round. */
export function prepOf(db: Kysely<DB>, roundId: string, orgId: string) {
  return db.selectFrom('congress_prep').selectAll().where('round_id', '=', roundId).where('org_id', '=', orgId).execute();
}

/** Records an organisation's progress on items of a round's checklist (one row per item, replaced). */
export async function upsertPrep(db: Kysely<DB>, rows: Insertable<DB['congress_prep']>[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('congress_prep')
    .values(rows)
    .onConflict((oc) =>
      oc.columns(['round_id', 'org_id', 'item_key']).doUpdateSet((eb) => ({
        planned_on: eb.ref('excluded.planned_on'),
        done_on: eb.ref('excluded.done_on'),
        note: eb.ref('excluded.note'),
        updated_by: eb.ref('excluded.updated_by'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .execute();
}

/** The terms of organisations by id with their latest names (the Word list and the demo). */
export function termHeads(db: Kysely<DB>, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('congress_term as t')
    .select(['t.id', 't.org_id', 't.from_year', 't.to_year', latestOrgNameSql('t.org_id').as('org_name')])
    .where('t.id', 'in', ids)
    .execute();
}
