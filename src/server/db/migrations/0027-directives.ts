/**
 * Directives, their tasks and programmes (issue 17 parts 1–3, domain.md §1, §2).
 *
 * - `directive`: a document whose implementation is tracked (nghị quyết, chỉ thị, kết luận, quy định, kế hoạch,
 *   chương trình, hướng dẫn, công văn). `owner_org_id` is the organisation that records and follows it (its scope);
 *   the issuer is either an organisation of the tree (`issuer_org_id`) or an outside body named in `issuer_name` (Bộ
 *   Chính trị). The symbol "155-KH/TU" is kept as written and parsed into number, kind code and issuer code.
 *   `implements_id` makes the chain (Chỉ thị 35 ← Kế hoạch 155 ← the communes' plans). A programme is a directive of
 *   kind `chuong_trinh` with its years; a later module (terms, congress) refers to a resolution through this table.
 * - `directive_task`: a task of a directive (or a topic of a programme: chuyên đề, đề tài, đề án) with its deadline (a
 *   date, or N working days from the directive, kept with the date it gives) or a recurring report.
 * - `directive_assignment`: one organisation's share of a task; `parent_id` when an assignee split its own share to
 *   its subordinates; `role` lead/participant for a programme's topics.
 * - `directive_report`: what an assignee reported (status, text, attachments, date); for a recurring task the due
 *   date of the period it answers.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE directive (
      id uuid PRIMARY KEY,
      owner_org_id uuid NOT NULL REFERENCES org(id),
      kind text NOT NULL CHECK (kind IN ('nghi_quyet','chi_thi','ket_luan','quy_dinh','ke_hoach','chuong_trinh','huong_dan','cong_van')),
      symbol text,
      number int,
      kind_code text,
      issuer_code text,
      issued_on date NOT NULL,
      issuer_org_id uuid REFERENCES org(id),
      issuer_name text NOT NULL,
      title text NOT NULL,
      summary text,
      file_ref text,
      implements_id uuid REFERENCES directive(id),
      from_year int,
      to_year int,
      search_key text NOT NULL,
      created_by uuid REFERENCES app_user(id),
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      CHECK (from_year IS NULL OR to_year IS NULL OR from_year <= to_year)
    )`.execute(db);
  await sql`CREATE INDEX directive_owner_idx ON directive (owner_org_id, issued_on)`.execute(db);
  await sql`CREATE INDEX directive_implements_idx ON directive (implements_id)`.execute(db);
  await sql`
    CREATE TABLE directive_task (
      id uuid PRIMARY KEY,
      directive_id uuid NOT NULL REFERENCES directive(id),
      seq int NOT NULL,
      title text NOT NULL,
      content text,
      topic_kind text CHECK (topic_kind IN ('chuyen_de','de_tai','de_an')),
      due_on date,
      due_working_days int CHECK (due_working_days > 0),
      recurrence text CHECK (recurrence IN ('monthly','quarterly','half_yearly','yearly')),
      recur_from date,
      recur_until date,
      created_at timestamptz NOT NULL,
      CHECK ((recurrence IS NULL) = (recur_from IS NULL) AND (recurrence IS NULL) = (recur_until IS NULL)),
      CHECK (recur_from IS NULL OR recur_from <= recur_until)
    )`.execute(db);
  await sql`CREATE INDEX directive_task_directive_idx ON directive_task (directive_id, seq)`.execute(db);
  await sql`
    CREATE TABLE directive_assignment (
      id uuid PRIMARY KEY,
      task_id uuid NOT NULL REFERENCES directive_task(id),
      org_id uuid NOT NULL REFERENCES org(id),
      role text NOT NULL CHECK (role IN ('assignee','lead','participant')),
      parent_id uuid REFERENCES directive_assignment(id),
      due_on date,
      note text,
      created_at timestamptz NOT NULL,
      UNIQUE (task_id, org_id)
    )`.execute(db);
  await sql`CREATE INDEX directive_assignment_org_idx ON directive_assignment (org_id)`.execute(db);
  await sql`CREATE INDEX directive_assignment_parent_idx ON directive_assignment (parent_id)`.execute(db);
  await sql`
    CREATE TABLE directive_report (
      id uuid PRIMARY KEY,
      assignment_id uuid NOT NULL REFERENCES directive_assignment(id),
      period_due_on date,
      status text NOT NULL CHECK (status IN ('not_started','in_progress','done')),
      body text NOT NULL,
      attachments jsonb NOT NULL DEFAULT '[]',
      reported_on date NOT NULL,
      reported_by uuid REFERENCES app_user(id),
      reported_by_name text NOT NULL,
      created_at timestamptz NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX directive_report_assignment_idx ON directive_report (assignment_id, reported_on, created_at)`.execute(db);
}
