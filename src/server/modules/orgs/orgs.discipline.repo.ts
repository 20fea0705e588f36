/**
 * Organisation reads the discipline module needs (orgs owns org, org_version and org_kind): an organisation on a
 * date with its kind (the competence of its bodies), its path then (who stands above whom) and its current path
 * (scope), and names for lists.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { inForceSql } from '../../db/scope-sql.ts';

export interface OrgForDiscipline {
  id: string;
  current_path: string;
  path: string;
  name: string;
  kind_code: string;
  kind_name: string;
  is_cell: boolean;
  is_grassroots: boolean;
}

/** The organisation as it is on the date, or undefined when it did not exist then. */
export function orgForDiscipline(db: Kysely<DB>, orgId: string, date: string): Promise<OrgForDiscipline | undefined> {
  return db
    .selectFrom('org as o')
    .innerJoin('org_version as v', 'v.org_id', 'o.id')
    .innerJoin('org_kind as k', 'k.code', 'v.kind_code')
    .select(['o.id', 'o.current_path', 'v.path', 'v.name', 'v.kind_code', 'k.name as kind_name', 'k.is_cell', 'k.is_grassroots'])
    .where('o.id', '=', orgId)
    .where(inForceSql('v', date))
    .executeTakeFirst();
}
