/**
 * The export of a member list in the official layout: every member the list `GET /api/members` would show with the
 * same filters, written as a stream, CCCD masked where the actor may not read it; the export itself is audited with
 * its filters and count.
 */
import { PassThrough } from 'node:stream';
import type { Kysely } from 'kysely';
import { IMPORT_FIELDS } from '../../../domain/member-import.ts';
import { formatVnDate } from '../../../domain/dates.ts';
import type { Clock } from '../../clock.ts';
import type { DB } from '../../db/schema.ts';
import { scopeFor, type Actor } from '../../http/actor.ts';
import { forbidden } from '../../http/errors.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { catalogueItems } from '../catalogue/catalogue.repo.ts';
import { exportIds, exportRows } from '../members/members.import.repo.ts';
import { resolveMemberFilters, type MemberFilterInput } from '../members/members.filters.ts';
import { canReadSensitive, maskCccd } from '../members/members.policy.ts';
import { FIELD_COLUMNS } from '../members/members.repo.ts';
import { OFFICIAL_LAYOUT } from './header-map.ts';
import { homeOrg } from './member-import.commit.ts';
import { canExportMembers } from './member-import.policy.ts';
import { exportWorkbook } from './member-import.workbook.ts';

/** The export takes the member list's filters (members.filters.ts). */
export type ExportQueryInput = MemberFilterInput;

/** Members fetched and written at a time. */
const EXPORT_CHUNK = 2000;

type ExportRow = Awaited<ReturnType<typeof exportRows>>[number];

/** A member's cells as the user reads them: dates DD/MM/YYYY, catalogue names, the cell's name, CCCD masked unless readable. */
function exportValues(actor: Actor, r: ExportRow, names: ReadonlyMap<string, string>): Partial<Record<string, string>> {
  const row = r as unknown as Record<string, unknown>;
  const v: Partial<Record<string, string>> = {};
  for (const field of OFFICIAL_LAYOUT) {
    const s = IMPORT_FIELDS[field];
    if (field === 'orgId') v.orgId = r.org_name ?? '';
    else if (field === 'admittedOn') v.admittedOn = formatVnDate(r.admitted_on);
    else if (field === 'officialOn') v.officialOn = formatVnDate(r.official_on);
    else if (field === 'cccd') v.cccd = (canReadSensitive(actor, r.current_path) ? r.cccd : maskCccd(r.cccd)) ?? '';
    else if (field === 'gender') v.gender = r.gender === 'nu' ? 'Nữ' : 'Nam';
    else if (field === 'birthDate') v.birthDate = r.birth_date ? formatVnDate(r.birth_date) : r.birth_year ? String(r.birth_year) : '';
    else {
      const raw = row[FIELD_COLUMNS[field]];
      if (raw === null || raw === undefined) continue;
      if (s.kind === 'date') v[field] = formatVnDate(raw as string);
      else if ('catalogue' in s) v[field] = names.get(`${s.catalogue}|${raw as string}`) ?? String(raw);
      else v[field] = String(raw);
    }
  }
  return v;
}

/** Writes the members, in the order of `ids`, to the workbook as they are fetched; an error ends the stream with it. */
async function writeRows(db: Kysely<DB>, out: PassThrough, ids: readonly string[], today: string, valuesOf: (r: ExportRow) => Partial<Record<string, string>>) {
  try {
    const book = exportWorkbook(out);
    for (let i = 0; i < ids.length; i += EXPORT_CHUNK) {
      const chunk = ids.slice(i, i + EXPORT_CHUNK);
      const byId = new Map((await exportRows(db, chunk, today)).map((r) => [r.id, r]));
      for (const id of chunk) {
        const r = byId.get(id);
        if (r) book.addRow(valuesOf(r));
      }
    }
    await book.finish();
  } catch (e) {
    out.destroy(e as Error);
  }
}

/**
 * The export as a stream of xlsx bytes, its file name and its count. The audit entry is written before the first
 * byte; the rows follow as they are read.
 */
export async function exportMembers(deps: { db: Kysely<DB>; clock: Clock }, actor: Actor, f: ExportQueryInput) {
  const { db, clock } = deps;
  if (!canExportMembers(actor)) throw forbidden('Bạn không có quyền xem danh sách đảng viên.');
  const scope = scopeFor(actor, 'read');
  const today = clock.today();
  const filters = await resolveMemberFilters(db, scope, f, today);
  const ids = await exportIds(db, scope, filters);
  const count = ids.length;
  const names = new Map<string, string>();
  for (const it of await catalogueItems(db)) names.set(`${it.catalogue}|${it.code}`, it.name);
  const given = Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined));
  await db.transaction().execute((tx) =>
    writeAudit(tx, { id: actor.userId, name: actor.username }, clock.now(), [
      {
        action: 'member.export',
        entityType: 'member',
        entityId: null,
        scopeOrgId: f.orgId ?? homeOrg(actor),
        before: null,
        after: { filters: given, count, format: 'xlsx' },
      },
    ]),
  );
  const out = new PassThrough();
  void writeRows(db, out, ids, today, (r) => exportValues(actor, r, names));
  return { stream: out, fileName: `danh-sach-dang-vien-${today}.xlsx`, count };
}
