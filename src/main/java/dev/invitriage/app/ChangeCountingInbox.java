package dev.invitriage.app;

import dev.invitriage.domain.Client;
import dev.invitriage.domain.Decision;
import dev.invitriage.domain.EncodedEntry;
import dev.invitriage.domain.FacetFlags;
import dev.invitriage.domain.FacetTable;
import dev.invitriage.domain.ImportProducer;
import dev.invitriage.domain.ImportResult;
import dev.invitriage.domain.InboxEntry;
import dev.invitriage.domain.InboxRepository;
import dev.invitriage.domain.InvitationId;
import dev.invitriage.domain.TemplateUse;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.IntPredicate;

/**
 * A repository that counts the changes made through it. Every face reaches the store through the
 * {@link App}'s repository, so this is the one point that sees a decision or note made in any
 * session; a screen that remembers the count it last drew can tell, at the cost of reading one
 * number, that another session changed something.
 */
final class ChangeCountingInbox implements InboxRepository {
  private final InboxRepository inbox;
  private final AtomicLong changes = new AtomicLong();

  ChangeCountingInbox(InboxRepository inbox) {
    this.inbox = inbox;
  }

  /** How many changes were made so far; grows by at least one after each. */
  long changeCount() {
    return changes.get();
  }

  /** Counts after the change: a reader that sees the new count also sees the change. */
  private <T> T counted(T result) {
    changes.incrementAndGet();
    return result;
  }

  @Override
  public ImportResult importStream(ImportProducer producer) {
    return counted(inbox.importStream(producer));
  }

  @Override
  public void decide(List<InvitationId> ids, Decision decision, Instant at) {
    inbox.decide(ids, decision, at);
    counted(null);
  }

  @Override
  public void setNote(InvitationId id, String note) {
    inbox.setNote(id, note);
    counted(null);
  }

  @Override
  public List<Client> addClients(List<Client> clients) {
    return counted(inbox.addClients(clients));
  }

  @Override
  public void updateClient(Client client) {
    inbox.updateClient(client);
    counted(null);
  }

  @Override
  public void removeClient(long clientId) {
    inbox.removeClient(clientId);
    counted(null);
  }

  @Override
  public Optional<String> undo() {
    return counted(inbox.undo());
  }

  @Override
  public Optional<String> redo() {
    return counted(inbox.redo());
  }

  // ------------------------------------------------------------------ reading: passed through

  @Override
  public int size() {
    return inbox.size();
  }

  @Override
  public void forEach(Consumer<InboxEntry> action) {
    inbox.forEach(action);
  }

  @Override
  public void readingEveryRow() {
    inbox.readingEveryRow();
  }

  @Override
  public FacetTable facets() {
    return inbox.facets();
  }

  @Override
  public FacetFlags flags() {
    return inbox.flags();
  }

  @Override
  public List<TemplateUse> templates(int limit) {
    return inbox.templates(limit);
  }

  @Override
  public IntPredicate textFilter(String lowerCaseNeedle) {
    return inbox.textFilter(lowerCaseNeedle);
  }

  @Override
  public boolean textContains(int ordinal, String lowerCaseNeedle) {
    return inbox.textContains(ordinal, lowerCaseNeedle);
  }

  @Override
  public int undoDepth() {
    return inbox.undoDepth();
  }

  @Override
  public int redoDepth() {
    return inbox.redoDepth();
  }

  @Override
  public InboxEntry entryAt(int ordinal) {
    return inbox.entryAt(ordinal);
  }

  @Override
  public EncodedEntry encodedEntryAt(int ordinal) {
    return inbox.encodedEntryAt(ordinal);
  }

  @Override
  public int ordinalOf(InvitationId id) {
    return inbox.ordinalOf(id);
  }

  @Override
  public Optional<InboxEntry> find(InvitationId id) {
    return inbox.find(id);
  }

  @Override
  public List<InvitationId> idsWithPrefix(String hexPrefix) {
    return inbox.idsWithPrefix(hexPrefix);
  }

  @Override
  public List<Client> clients() {
    return inbox.clients();
  }

  @Override
  public void close() {
    inbox.close();
  }
}
