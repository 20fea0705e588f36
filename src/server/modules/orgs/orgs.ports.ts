/**
 * What the orgs service needs of modules above it, typed here and passed in by the composition root (src/server/app.ts):
 * orgs sits below users and members (docs/architecture.md, dependency order), so it never imports them.
 */
import type { Kysely, RawBuilder } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** Members on the rolls of an organisation or subtree on a date, official and probationary. */
export interface MemberCount {
  official: number;
  probationary: number;
}

/**
 * Member counts per child subtree of a node whose path and depth are columns of the enclosing query (`node.path`
 * names them): a derived table (child_id, official, probationary) for a LATERAL join, the node's own members under the
 * child id ''.
 */
export type CountsByChildSql = (node: { path: string; depth: string }) => RawBuilder<{ child_id: string; official: number; probationary: number }>;

/**
 * The members' side of the tree: the counts an org page shows, the roll sizes the reorganisation planner checks, and
 * the roster moves a merge or dissolution makes. Each takes the executor so that it joins the caller's transaction.
 * Implemented by members (members.tally.repo.ts).
 */
export interface OrgMembersPort {
  /** Members of each child subtree of the node at `path` (depth `depth`), keyed by the child's id. */
  countsByChild(db: Kysely<DB>, path: string, depth: number, asOf: string): Promise<Map<string, MemberCount>>;
  /**
   * The counts of one date as a fragment for the organisation page's single statement; the members' horizons are read
   * here, once per request.
   */
  countsByChildSql(db: Kysely<DB>, asOf: string): Promise<CountsByChildSql>;
  /** Members of the whole subtree at `path`, the node included. */
  countOfSubtree(db: Kysely<DB>, path: string, asOf: string): Promise<MemberCount>;
  /** Members whose cell is the organisation itself, per organisation. */
  directCounts(db: Kysely<DB>, orgIds: string[], asOf: string): Promise<Map<string, number>>;
  /** Moves the members still on the roll of `from` after the date to `to`. */
  moveMembers(tx: Kysely<DB>, from: string, to: string, asOf: string): Promise<void>;
}

/** The names of users (the people who recorded the organisation's events), by id. Implemented by users (users.repo.ts). */
export interface OrgUsersPort {
  namesOf(db: Kysely<DB>, ids: readonly string[]): Promise<Map<string, string>>;
}
