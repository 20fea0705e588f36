/**
 * Directives, their tasks and programmes (issue 17 parts 1–3; domain.md §1, §2). This file wires the parts:
 * directives.write.ts (recording, giving tasks and topics, splitting, reporting: each one transaction with its audit
 * entry), directives.read.ts (the pages, progress, the work queue, programmes) and directives.docx.ts (Word).
 */
import type {
  CreateDirectiveBody,
  CreateTaskBody,
  CreateTopicBody,
  DirectiveListQuery,
  DueSharesParsed,
  ReportBody,
  SplitBody,
} from '../../../contract/directives.ts';
import type { Actor } from '../../http/actor.ts';
import { contentDisposition } from '../../office/download.ts';
import { DOCX_MIME } from '../../office/mime.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { actorOf, type DirectivesDeps } from './directives.context.ts';
import { renderDirectiveDocx, type DirectiveDocumentKind } from './directives.docx.ts';
import { directiveList, directiveProgress, directiveQueue, directiveView, programmeList, sharePeriods, shareView } from './directives.read.ts';
import { dueShareList } from './directives.due.ts';
import { addTask, addTopic, createDirective, reportOnShare, splitShare } from './directives.write.ts';

export type { DirectivesDeps } from './directives.context.ts';

export function createDirectivesService(deps: DirectivesDeps) {
  const view = (actor: Actor, id: string) => directiveView(deps, actor, id);
  return {
    view,
    list: (actor: Actor, q: DirectiveListQuery) => directiveList(deps, actor, q),
    progress: (actor: Actor, id: string) => directiveProgress(deps, actor, id),
    share: (actor: Actor, id: string) => shareView(deps, actor, id),
    workQueue: (actor: Actor) => directiveQueue(deps, actor),
    programmes: (actor: Actor) => programmeList(deps, actor),
    /** The shares behind a cell of the reports' table of directives. */
    dueShares: (actor: Actor, q: DueSharesParsed) => dueShareList(deps, actor, q),

    async create(actor: Actor, b: CreateDirectiveBody) {
      return view(actor, await createDirective(deps, actor, b));
    },
    async addTask(actor: Actor, id: string, b: CreateTaskBody) {
      await addTask(deps, actor, id, b);
      return view(actor, id);
    },
    async addTopic(actor: Actor, id: string, b: CreateTopicBody) {
      await addTopic(deps, actor, id, b);
      return view(actor, id);
    },
    async split(actor: Actor, shareId: string, b: SplitBody) {
      await splitShare(deps, actor, shareId, b);
      return shareView(deps, actor, shareId);
    },
    async report(actor: Actor, shareId: string, b: ReportBody) {
      await reportOnShare(deps, actor, shareId, b, await sharePeriods(deps, actor, shareId));
      return shareView(deps, actor, shareId);
    },

    /** The plan with its task table, or the report on its implementation, as a Word file; the export is audited. */
    async document(actor: Actor, id: string, kind: DirectiveDocumentKind) {
      const v = await view(actor, id);
      const { bytes, fileTitle } = await renderDirectiveDocx(v, kind, deps.clock.today());
      const entry = { action: 'directive.document_export', entityType: 'directive', entityId: id, scopeOrgId: v.ownerOrgId, before: null, after: { kind } };
      await deps.db.transaction().execute((tx) => writeAudit(tx, actorOf(actor), deps.clock.now(), [entry]));
      const name = `${fileTitle}${v.symbol ? `-${v.symbol.replace(/[^\p{L}\d-]+/gu, '-')}` : ''}.docx`;
      return { bytes, mime: DOCX_MIME, contentDisposition: contentDisposition({ utf8: name, ascii: `${fileTitle}.docx` }) };
    },
  };
}

export type DirectivesService = ReturnType<typeof createDirectivesService>;
