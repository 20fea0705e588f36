/**
 * What discipline (below members in the module order) needs from members, passed by src/server/app.ts: the member on
 * a date (his roll and membership then, his current organisation for scope) and members' names.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

export interface DisciplineMember {
  id: string;
  full_name: string;
  gender: 'nam' | 'nu';
  org_id: string;
  current_path: string;
  period: { org_id: string; status: string; membership: 'probationary' | 'official' } | null;
}

export interface DisciplineMembersPort {
  memberOn(db: Kysely<DB>, memberId: string, date: string): Promise<DisciplineMember | null>;
  names(db: Kysely<DB>, ids: readonly string[]): Promise<Map<string, string>>;
}
