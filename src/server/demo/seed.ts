/**
 * The demo province: a deterministic province whose history crosses 1 July 2025. The pre-2025 tree (districts and
 * their grassroots organisations, cells, a roster) is loaded in bulk; the abolition of the district tier is then
 * applied through the organisations service as one bulk reorganisation, exactly as a user would, so its history,
 * events and audit entries are the product's own.
 */
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.ts';
import { analyzeAll } from '../db/analyze.ts';
import type { DB } from '../db/schema.ts';
import { writeAudit } from '../modules/audit/audit.service.ts';
import { loadActor } from '../modules/auth/auth.actor.ts';
import { grassrootsAmong, orgPlaces } from '../modules/orgs/orgs.places.repo.ts';
import { userNames } from '../modules/users/users.repo.ts';
import { orgMembersPort } from '../modules/members/members.tally.ts';
import { firstCurrentCellUnder, firstCreatedInBatch, orgCount } from '../modules/orgs/orgs.demo.repo.ts';
import { createOrgsService } from '../modules/orgs/orgs.service.ts';
import { userCount } from '../modules/users/users.demo.repo.ts';
import { insertUser } from '../modules/users/users.service.ts';
import { insertMembers, insertOrgRows } from './bulk-insert.ts';
import { seedEvaluations } from './evaluation.ts';
import { generateProvince } from './province.ts';
import { seedAdmissions } from './admissions.ts';
import { seedDirectives } from './directives.ts';
import { seedDiscipline } from './discipline.ts';
import { seedCongress } from './congress.ts';
import { seedTermTargets } from './term-targets.ts';
import { seedInspection } from './inspection.ts';
import { seedMeetings } from './meetings.ts';

/** The demo accounts' password, printed at start: demo data only, never a real installation's. */
export const DEMO_PASSWORD = 'hatnhan2025';

export async function isEmpty(db: Kysely<DB>): Promise<boolean> {
  const [orgs, users] = await Promise.all([orgCount(db), userCount(db)]);
  return orgs === 0 && users === 0;
}

export interface SeedOptions {
  seed: number;
  /** Smaller trees for tests: districts and grassroots organisations per district. */
  districts?: number;
  grassrootsPerDistrict?: number;
}

export async function seedDemo(db: Kysely<DB>, clock: Clock, opts: SeedOptions) {
  const p = generateProvince({
    seed: opts.seed,
    districts: opts.districts ?? 8,
    grassrootsPerDistrict: opts.grassrootsPerDistrict ?? 12,
    cellsPerPartyCommittee: [3, 8],
    membersPerCell: [4, 35],
    today: clock.today(),
  });
  const root = p.orgs[0]!.org.id;
  const adminId = await db.transaction().execute(async (tx) => {
    await insertOrgRows(tx, p.orgs);
    await insertMembers(tx, p);
    const id = await insertUser(tx, {
      username: 'admin',
      fullName: 'Quản trị hệ thống',
      password: DEMO_PASSWORD,
      homeOrgId: null,
      roles: [{ role: 'system_admin', orgId: null }],
    });
    await insertUser(tx, {
      username: 'tinhuy',
      fullName: 'Nguyễn Thị Hạnh',
      password: DEMO_PASSWORD,
      homeOrgId: root,
      roles: [{ role: 'org_admin', orgId: root }],
    });
    await writeAudit(tx, { id, name: 'admin' }, clock.now(), [
      {
        action: 'system.seed_demo',
        entityType: 'system',
        entityId: null,
        scopeOrgId: root,
        after: { seed: opts.seed, orgs: p.orgs.length, members: p.members.length },
      },
    ]);
    return id;
  });
  const admin = await loadActor(
    db,
    { places: orgPlaces, grassrootsAmong },
    { id: adminId, username: 'admin', full_name: 'Quản trị hệ thống', must_change_password: false },
  );
  const orgs = createOrgsService({ db, clock, members: orgMembersPort, users: { namesOf: userNames } });
  const applied = await orgs.applyReorganization(admin, p.reorg2025);

  // A commune office clerk and a cell secretary, scoped below the province, to show what scope looks like.
  const commune = await firstCreatedInBatch(db, applied.batchId);
  if (commune) {
    const cell = await firstCurrentCellUnder(db, commune.path);
    await db.transaction().execute(async (tx) => {
      await insertUser(tx, {
        username: 'xa',
        fullName: 'Trần Văn Minh',
        password: DEMO_PASSWORD,
        homeOrgId: commune.org_id,
        roles: [{ role: 'org_admin', orgId: commune.org_id }],
      });
      if (cell)
        await insertUser(tx, {
          username: 'chibo',
          fullName: 'Lê Thị Thu',
          password: DEMO_PASSWORD,
          homeOrgId: cell.org_id,
          roles: [{ role: 'editor', orgId: cell.org_id }],
        });
    });
  }
  // Organisations' disciplines and complaints before the evaluations, whose checks read them.
  const discipline = await seedDiscipline(db, { seed: opts.seed, today: clock.today(), rootOrgId: root });
  // Five years of published evaluation results, up to last year.
  const thisYear = Number(clock.today().slice(0, 4));
  const evaluations = await seedEvaluations(db, clock, admin, { rootOrgId: root, fromYear: thisYear - 5, toYear: thisYear - 1, seed: opts.seed });
  const admissions = await seedAdmissions(db, { seed: opts.seed, today: clock.today(), now: clock.now(), adminId });
  const directives = await seedDirectives(db, { seed: opts.seed, today: clock.today(), now: clock.now(), adminId });
  const inspection = await seedInspection(db, { seed: opts.seed, today: clock.today(), rootOrgId: root });
  const meetings = await seedMeetings(db, { rootPath: p.orgs[0]!.org.current_path, today: clock.today(), seed: opts.seed });
  const congress = await seedCongress(db, { seed: opts.seed, rootPath: p.orgs[0]!.org.current_path, today: clock.today(), now: clock.now(), adminId });
  // The targets of the province's terms (after the congress demo has recorded them).
  const termTargets = await seedTermTargets(db, { seed: opts.seed, rootId: root, today: clock.today(), now: clock.now(), adminId });
  // Fresh statistics after a bulk load: PGlite never analyses by itself.
  await analyzeAll(db);
  return {
    admissions,
    directives,
    termTargets,
    inspection,
    discipline,
    orgs: p.orgs.length + applied.counts.created,
    members: p.members.length,
    batchId: applied.batchId,
    rootId: root,
    reorg: applied.counts,
    evaluations,
    meetings,
    congress,
  };
}
