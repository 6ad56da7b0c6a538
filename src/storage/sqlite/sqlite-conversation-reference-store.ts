import type Database from 'better-sqlite3';
import type { ConversationReferenceStore, StoredConversationReference } from '@/kernel/ports/conversation-reference-store';

interface Row {
  reference: string;
}

/** Conversation references in the embedded database (table `conversation_references`). */
export class SqliteConversationReferenceStore implements ConversationReferenceStore {
  constructor(private readonly db: Database.Database) {}

  async save(ref: StoredConversationReference): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO conversation_references (conversation_id, conversation_type, tenant_id, service_url, reference, updated_at)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (conversation_id) DO UPDATE SET conversation_type = excluded.conversation_type,
           tenant_id = excluded.tenant_id, service_url = excluded.service_url,
           reference = excluded.reference, updated_at = excluded.updated_at`,
      )
      .run(ref.conversationId, ref.conversationType, ref.tenantId, ref.serviceUrl, JSON.stringify(ref), ref.updatedAt);
  }

  async get(conversationId: string): Promise<StoredConversationReference | null> {
    const row = this.db
      .prepare<[string], Row>('SELECT reference FROM conversation_references WHERE conversation_id = ?')
      .get(conversationId);
    return row ? (JSON.parse(row.reference) as StoredConversationReference) : null;
  }

  async list(): Promise<StoredConversationReference[]> {
    return this.db
      .prepare<[], Row>('SELECT reference FROM conversation_references ORDER BY conversation_id')
      .all()
      .map((row) => JSON.parse(row.reference) as StoredConversationReference);
  }
}
