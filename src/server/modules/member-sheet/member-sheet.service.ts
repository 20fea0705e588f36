/**
 * Export of one member's sheet (Phiếu đảng viên, form 2-HSĐV) to Word and PDF. The member file is read through the
 * members service, so the sheet has exactly the file's scope (404 outside it) and its rule for sensitive groups:
 * discipline and the full CCCD only for readers allowed to see them, family and political history only for the
 * grassroots committee and above. Every export
 * is audited: who exported whose sheet, in which format, with which sensitive groups.
 */
import type { Kysely } from 'kysely';
import { pathIds } from '../../../domain/org-path.ts';
import { foldAccents } from '../../../domain/text.ts';
import type { Clock } from '../../clock.ts';
import type { DB } from '../../db/schema.ts';
import { pathInScope, scopeFor, type Actor, type Scope } from '../../http/actor.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { listSheetRecords } from '../member-records/member-records.repo.ts';
import { memberCccd } from '../members/members.files.repo.ts';
import type { MembersService } from '../members/members.service.ts';
import { orgNamesOn } from '../orgs/orgs.files.repo.ts';
import { orgCurrentPath } from '../orgs/orgs.members.repo.ts';
import { contentDisposition } from '../../office/download.ts';
import { DOCX_MIME, PDF_MIME } from '../../office/mime.ts';
import { renderSheetDocx } from './member-sheet.docx.ts';
import { buildSheetModel, type RecordKind } from './member-sheet.model.ts';
import { renderSheetPdf } from './member-sheet.pdf.ts';

export type SheetFormat = 'docx' | 'pdf';

const PLAIN_KINDS: RecordKind[] = ['work', 'training', 'trip', 'commendation'];
const SENSITIVE_KINDS: RecordKind[] = ['family', 'political'];

/**
 * The file name of a sheet: the Vietnamese one for RFC 5987 `filename*`, and an ASCII one (accents folded) for
 * clients that only read `filename`.
 */
export function sheetFileNames(fullName: string, format: SheetFormat): { utf8: string; ascii: string } {
  const clean =
    fullName
      .replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim() || 'dang vien';
  const utf8 = `Phiếu đảng viên - ${clean}.${format}`;
  const ascii = foldAccents(utf8)
    .replace(/[^A-Za-z0-9 .-]+/g, '')
    .replace(/\s+-\s+|\s+/g, '-')
    .replace(/-+/g, '-');
  return { utf8, ascii };
}

/**
 * The names on the date of the organisations from the top of the tree down to the cell, keeping only those that lie
 * in the reader's scope: a reader never learns from the sheet the name of an organisation he may not see.
 */
async function orgLinesOf(db: Kysely<DB>, orgId: string, scope: Scope, date: string): Promise<string[]> {
  const path = (await orgCurrentPath(db, orgId))?.current_path;
  if (!path) return [];
  const ids = pathIds(path);
  const visible = ids.filter((_, i) => pathInScope(`/${ids.slice(0, i + 1).join('/')}/`, scope));
  const names = await orgNamesOn(db, visible, date);
  return visible.map((id) => names.get(id) ?? '').filter(Boolean);
}

/** The name on the date of the member's cell of residence, when the file names one. */
async function residenceOrgNameOf(db: Kysely<DB>, orgId: string | null, date: string): Promise<string | null> {
  if (!orgId) return null;
  return (await orgNamesOn(db, [orgId], date)).get(orgId) ?? '';
}

export function createMemberSheetService(deps: { db: Kysely<DB>; clock: Clock; members: MembersService }) {
  const { db, clock, members } = deps;
  return {
    /** The sheet of one member in the format asked, with its file name and MIME type; audited. */
    async export(actor: Actor, id: string, format: SheetFormat) {
      const file = await members.get(actor, id);
      const today = clock.today();
      const sensitive = file.canReadSensitive;
      const history = file.canReadHistory;
      const residenceOrgId = typeof file.fields.residenceOrgId === 'string' ? file.fields.residenceOrgId : null;
      const [records, catalogues, orgLines, residenceOrgName, cccd] = await Promise.all([
        listSheetRecords(db, id, history ? [...PLAIN_KINDS, ...SENSITIVE_KINDS] : PLAIN_KINDS),
        members.catalogues(),
        orgLinesOf(db, file.org.id, scopeFor(actor, 'read'), today),
        residenceOrgNameOf(db, residenceOrgId, today),
        sensitive ? memberCccd(db, id) : Promise.resolve(file.cccdMasked),
      ]);
      const model = buildSheetModel({ file, catalogues, orgLines, residenceOrgName, cccd, records, sensitive, history, today });
      const bytes = format === 'docx' ? await renderSheetDocx(model) : await renderSheetPdf(model);
      await db.transaction().execute((tx) =>
        writeAudit(tx, { id: actor.userId, name: actor.username }, clock.now(), [
          {
            action: 'member.sheet_export',
            entityType: 'member',
            entityId: id,
            scopeOrgId: file.org.id,
            before: null,
            after: { format, fullName: model.fullName, sensitive: model.sensitiveIncluded },
          },
        ]),
      );
      return { bytes, mime: format === 'docx' ? DOCX_MIME : PDF_MIME, contentDisposition: contentDisposition(sheetFileNames(model.fullName, format)) };
    },
  };
}

export type MemberSheetService = ReturnType<typeof createMemberSheetService>;
