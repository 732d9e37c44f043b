/**
 * The inbox on disk: one MapDB file plus the append-only {@link dev.invitriage.store.Journal} that
 * makes it crash-proof. {@link dev.invitriage.store.MapDbInbox} is the entry point; {@link
 * dev.invitriage.store.DurableStore} makes each change durable, {@link
 * dev.invitriage.store.StoreRecovery} opens and recovers, {@link dev.invitriage.store.BulkImport}
 * imports; {@link dev.invitriage.store.InboxState} applies changes to the tables and {@link
 * dev.invitriage.store.InboxQueries} reads them back, both over the {@link
 * dev.invitriage.store.InboxParts} held in memory; {@link dev.invitriage.store.Tables} is the one place MapDB maps are opened, always with their
 * serializers; {@link dev.invitriage.store.Codec} is the one binary record format.
 *
 * <p>May import {@code domain} and MapDB. Nothing outside this package sees MapDB.
 */
package dev.invitriage.store;
