/**
 * Term targets of the demo province (issue 17 part 9): the targets of the province's congress resolutions on the
 * terms the congress demo recorded (src/server/demo/congress.ts), read from the records like any target. On the term
 * running now: 95% of grassroots organisations rated excellent (at risk: the demo's ratings stay below it), 90% of
 * members good or better, and a hand-entered count (weak organisations consolidated, with last year's figure); on the
 * previous term: the 70–75% range of the seed reports. Nothing is stored of the records' figures.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { termsOf } from '../modules/congress/congress.repo.ts';
import { insertTarget, upsertActuals } from '../modules/congress/congress.targets.repo.ts';
import { createRng } from './random.ts';
import { createUuidFactory } from './uuid.ts';

type Target = Omit<Parameters<typeof insertTarget>[1], 'id' | 'term_id' | 'seq' | 'created_at' | 'updated_at' | 'created_by'>;

export async function seedTermTargets(db: Kysely<DB>, opts: { seed: number; rootId: string; today: string; now: Date; adminId: string }) {
  const uuid = createUuidFactory(createRng(opts.seed * 7919 + 17), '2025-10-01T00:00:00Z');
  const year = Number(opts.today.slice(0, 4));
  const terms = await termsOf(db, opts.rootId);
  let targets = 0;
  for (const term of terms) {
    const running = term.from_year <= year && year <= term.to_year;
    const list: Target[] = running
      ? [
          {
            title: 'Hằng năm có 95% tổ chức cơ sở đảng hoàn thành xuất sắc nhiệm vụ',
            metric: 'orgs_excellent_share',
            kind: 'share',
            unit: 'percent',
            low: 95,
            high: null,
          },
          {
            title: 'Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên hằng năm đạt trên 90%',
            metric: 'members_good_share',
            kind: 'share',
            unit: 'percent',
            low: 90,
            high: null,
          },
          { title: 'Củng cố các tổ chức cơ sở đảng yếu kém', metric: 'manual', kind: 'cumulative', unit: 'count', low: 20, high: null },
        ]
      : [
          {
            title: 'Phấn đấu có 70–75% tổ chức cơ sở đảng trong sạch, vững mạnh',
            metric: 'orgs_excellent_share',
            kind: 'share',
            unit: 'percent',
            low: 70,
            high: 75,
          },
        ];
    for (const [i, t] of list.entries()) {
      const id = uuid();
      await insertTarget(db, { ...t, id, term_id: term.id, seq: i + 1, created_by: opts.adminId, created_at: opts.now, updated_at: opts.now });
      targets++;
      // the hand-entered count: four organisations consolidated in each year of the term already over
      if (t.metric === 'manual')
        await upsertActuals(
          db,
          Array.from({ length: Math.max(0, year - term.from_year) }, (_, k) => ({
            target_id: id,
            year: term.from_year + k,
            value: 4,
            entered_by: opts.adminId,
            entered_at: opts.now,
          })),
        );
    }
  }
  return { targets };
}
