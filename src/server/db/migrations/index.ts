/**
 * The migration list: static, ordered, append-only. A new migration is a new file named NNNN-what.ts added at the
 * end here; an applied migration is never edited.
 */
import type { Migration } from 'kysely';
import * as m0001 from './0001-initial.ts';
import * as m0002 from './0002-member-file.ts';
import * as m0003 from './0003-member-import.ts';
import * as m0004 from './0004-member-documents.ts';
import * as m0005 from './0005-badge-list.ts';
import * as m0006 from './0006-org-member-tally.ts';
import * as m0007 from './0007-member-party-age.ts';
import * as m0008 from './0008-member-import-processing.ts';
import * as m0009 from './0009-admissions.ts';
import * as m0010 from './0010-evaluation.ts';
import * as m0011 from './0011-member-badge-top.ts';
import * as m0012 from './0012-member-name-tail.ts';
import * as m0013 from './0013-org-tally-path.ts';
import * as m0014 from './0014-badge-rules.ts';
import * as m0015 from './0015-rule-sets.ts';
import * as m0017 from './0017-login-locks-audit-append-only.ts';
import * as m0018 from './0018-member-birth-tally.ts';
import * as m0019 from './0019-member-period.ts';
import * as m0020 from './0020-report-submission.ts';
import * as m0022 from './0022-report-indexes.ts';
import * as m0024 from './0024-inspection.ts';
import * as m0025 from './0025-meetings.ts';
import * as m0026 from './0026-meeting-alerts-member-role.ts';
import * as m0027 from './0027-directives.ts';
import * as m0028 from './0028-discipline.ts';
import * as m0033 from './0033-inspection-indexes.ts';
import * as m0034 from './0034-report-transfer-index.ts';
import * as m0029 from './0029-meeting-kept-figures.ts';
import * as m0031 from './0031-congress.ts';
import * as m0032 from './0032-term-targets.ts';

export const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': m0001,
  '0002-member-file': m0002,
  '0003-member-import': m0003,
  '0004-member-documents': m0004,
  '0005-badge-list': m0005,
  '0006-org-member-tally': m0006,
  '0007-member-party-age': m0007,
  '0008-member-import-processing': m0008,
  '0009-admissions': m0009,
  '0010-evaluation': m0010,
  '0011-member-badge-top': m0011,
  '0012-member-name-tail': m0012,
  '0013-org-tally-path': m0013,
  '0014-badge-rules': m0014,
  '0015-rule-sets': m0015,
  '0017-login-locks-audit-append-only': m0017,
  '0018-member-birth-tally': m0018,
  '0019-member-period': m0019,
  '0020-report-submission': m0020,
  '0022-report-indexes': m0022,
  '0024-inspection': m0024,
  '0025-meetings': m0025,
  '0026-meeting-alerts-member-role': m0026,
  '0027-directives': m0027,
  '0028-discipline': m0028,
  '0033-inspection-indexes': m0033,
  '0034-report-transfer-index': m0034,
  '0029-meeting-kept-figures': m0029,
  '0031-congress': m0031,
  '0032-term-targets': m0032,
};
