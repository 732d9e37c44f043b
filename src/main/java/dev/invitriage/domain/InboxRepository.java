package dev.invitriage.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntPredicate;

/**
 * The stored inbox. Every method that changes something is durable when it returns: a kill at
 * any later moment loses nothing of it. Changes other than imports can be undone and redone.
 */
public interface InboxRepository extends AutoCloseable {

  /**
   * Stores what is new in the parts the producer hands over, all or nothing; never overwrites a
   * decision or note already made.
   */
  ImportResult importStream(ImportProducer producer);

  /** {@link #importStream} for a batch already in memory. */
  default ImportResult importBatch(ImportBatch batch) {
    return importStream(parts -> {
      parts.accept(batch);
      return batch.sources();
    });
  }

  int size();

  /** Every invitation, in the order they were first imported. */
  void forEach(Consumer<InboxEntry> action);

  /**
   * Says the caller is about to read every row (an export, a list): what each row needs from the
   * store's indexes is then loaded once, rather than looked up row by row as a screenful is.
   */
  void readingEveryRow();

  /** The light facts of every invitation, as of now. */
  FacetTable facets();

  /** The flags of every invitation, as of now: what counts need, cheaper than {@link #facets()}. */
  FacetFlags flags();

  /**
   * The most-sent templates among incoming invitations, most senders first (then most
   * invitations), at most {@code limit}.
   */
  List<TemplateUse> templates(int limit);

  /** The invitation at an ordinal (0 ≤ ordinal < size()). */
  InboxEntry entryAt(int ordinal);

  /** What an export prints of the invitation at an ordinal, its texts as stored. */
  EncodedEntry encodedEntryAt(int ordinal);

  /**
   * True when the other person's name, the message or the note of the invitation at an ordinal
   * contains {@code lowerCaseNeedle} (compared in lower case). Reads only that text: search over a
   * whole inbox must not judge or hash every invitation it passes.
   */
  boolean textContains(int ordinal, String lowerCaseNeedle);

  /**
   * A quick test, reading nothing, of which invitations may contain the lower-case needle as
   * {@link #textContains} would find it: false means certainly not; true means read and see.
   */
  IntPredicate textFilter(String lowerCaseNeedle);

  /** The ordinal of an invitation, or -1 when it is not stored. */
  int ordinalOf(InvitationId id);

  Optional<InboxEntry> find(InvitationId id);

  /** Every stored id that starts with the given hex prefix (any case); empty when none does. */
  List<InvitationId> idsWithPrefix(String hexPrefix);

  /** Sets one decision on every given invitation, as one undoable change. */
  void decide(List<InvitationId> ids, Decision decision, Instant at);

  /** Replaces the personal context note of an invitation; the empty string removes it. */
  void setNote(InvitationId id, String note);

  List<Client> clients();

  /** Adds the clients (their ids are assigned here) as one undoable change; returns them stored. */
  List<Client> addClients(List<Client> clients);

  /** Replaces the stored client of the same id. */
  void updateClient(Client client);

  void removeClient(long clientId);

  /** Reverts the latest change that was not undone yet; returns what it was, if any. */
  Optional<String> undo();

  /** Re-applies the latest undone change; returns what it was, if any. */
  Optional<String> redo();

  /** How many changes {@link #undo} can revert in a row. */
  int undoDepth();

  /** How many undone changes {@link #redo} can re-apply in a row. */
  int redoDepth();

  @Override
  void close();
}
