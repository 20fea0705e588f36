/**
 * Dossier queries. The member is found through the members module's scoped query; the documents of a member are read
 * only after that, so every read here is scoped by the member it belongs to.
 */
import { sql, type Insertable, type Kysely } from 'kysely';
import type { DB, MemberDocumentTable } from '../../db/schema.ts';
import { lockMemberRow } from '../members/members.files.repo.ts';
import { userNameSql } from '../users/users.repo.ts';

/** Every version of every document of a member, by type, title, then newest version first. */
export function listDocuments(db: Kysely<DB>, memberId: string) {
  return db
    .selectFrom('member_document as d')
    .selectAll('d')
    .select(userNameSql('d.uploaded_by').as('uploader_name'))
    .where('d.member_id', '=', memberId)
    .orderBy('d.doc_type')
    .orderBy('d.title')
    .orderBy('d.version', 'desc')
    .execute();
}

/** One version of a member's document; undefined when the id is not a document of that member. */
export function findDocument(db: Kysely<DB>, memberId: string, documentId: string) {
  return db.selectFrom('member_document').selectAll().where('member_id', '=', memberId).where('id', '=', documentId).executeTakeFirst();
}

/**
 * The latest version of the document of this type whose title is the same but for capitals and spacing; the new
 * upload continues it (keeping its first spelling). Call inside the upload's transaction, after locking the member.
 */
export function latestVersion(tx: Kysely<DB>, memberId: string, docType: string, title: string) {
  return tx
    .selectFrom('member_document')
    .select(['title', 'version'])
    .where('member_id', '=', memberId)
    .where('doc_type', '=', docType)
    .where(sql<boolean>`lower(title) = lower(${title})`)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Serialises uploads to one member's dossier: two uploads of the same document never take the same version. */
export async function lockMember(tx: Kysely<DB>, memberId: string): Promise<void> {
  await lockMemberRow(tx, memberId);
}

export async function insertDocument(tx: Kysely<DB>, row: Insertable<MemberDocumentTable>): Promise<void> {
  await tx.insertInto('member_document').values(row).execute();
}
