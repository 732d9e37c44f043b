package dev.invitriage.store;

import dev.invitriage.domain.Classification;
import dev.invitriage.domain.Client;
import dev.invitriage.domain.EncodedEntry;
import dev.invitriage.domain.EncodedInvitation;
import dev.invitriage.domain.InboxEntry;
import dev.invitriage.domain.Invitation;
import dev.invitriage.domain.InvitationId;
import dev.invitriage.domain.Judgement;
import dev.invitriage.domain.MessageClassifier;
import dev.invitriage.domain.TemplateUse;
import dev.invitriage.domain.Verdict;
import java.time.Instant;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reading an inbox back from its {@link InboxParts}: an invitation as the inbox shows it, the
 * facts views and counts are made of, look-ups by id and text, the most-sent templates, and the
 * check that the structures agree. What involves other invitations (template counts, clients,
 * connections) comes from the derived flags, the very byte the views and counts read, so a row
 * always agrees with them.
 */
final class InboxQueries {
  private final InboxParts p;
  private final MessageClassifier classifier;

  InboxQueries(InboxParts parts, MessageClassifier classifier) {
    this.p = parts;
    this.classifier = classifier;
  }

  int size() {
    return p.size();
  }

  /** The ordinal of {@code id}, or -1. */
  int ordinalOf(InvitationId id) {
    return p.ordinalOf(id);
  }

  /**
   * A caller will read every row ({@link dev.invitriage.domain.InboxRepository#readingEveryRow}):
   * the id index is loaded once.
   */
  void readingEveryRow() {
    p.ids();
  }

  InvitationId idAt(int ordinal) {
    return p.idAt(ordinal);
  }

  List<InvitationId> idsWithPrefix(String prefix) {
    return p.ids().withPrefix(prefix);
  }

  /**
   * The chunks whose invitations may contain the lower-case needle in their name, message or note;
   * a chunk not in the set certainly holds none.
   */
  BitSet chunksThatMayContain(String lowerCaseNeedle) {
    return p.searchFilters.chunksThatMayContain(lowerCaseNeedle, Chunks.chunksFor(p.size()));
  }

  boolean textContains(int o, String lowerCaseNeedle) {
    Invitation inv = p.invitationAt(o);
    return inv.counterpartName().toLowerCase(Locale.ROOT).contains(lowerCaseNeedle)
        || inv.message().toLowerCase(Locale.ROOT).contains(lowerCaseNeedle)
        || p.noteOf(o).toLowerCase(Locale.ROOT).contains(lowerCaseNeedle);
  }

  InboxEntry entry(int o) {
    Invitation inv = p.invitationAt(o);
    InvitationId id = idAt(o, () -> inv);
    FlagSnapshot flags = new FlagSnapshot(p.size(), p.derivedFlags(), null);
    boolean client = flags.client(o);
    DecisionColumn decisions = p.decisions();
    return new InboxEntry(
        id, p.abbreviation(o, id), inv, judgement(o, flags.verdict(o), () -> inv),
        flags.offender(o), client, flags.connection(o), decisions.decision(o),
        decidedAt(decisions, o), p.noteOf(o), headline(inv, flags.connection(o), client));
  }

  /** What an export prints of the invitation at {@code o}: {@link #entry}'s, texts as stored. */
  EncodedEntry encodedEntry(int o) {
    EncodedInvitation inv = Codec.encodedInvitation(p.recordAt(o));
    FlagSnapshot flags = new FlagSnapshot(p.size(), p.derivedFlags(), null);
    DecisionColumn decisions = p.decisions();
    return new EncodedEntry(
        idAt(o, inv::decode), inv, judgement(o, flags.verdict(o), inv::decode).classification(),
        flags.offender(o), flags.client(o), flags.connection(o), decisions.decision(o),
        decidedAt(decisions, o), p.noteOf(o));
  }

  private InvitationId idAt(int o, Supplier<Invitation> inv) {
    IdIndex ids = p.idsIfLoaded();
    return ids != null ? ids.idAt(o) : InvitationId.of(inv.get());
  }

  /**
   * The verdict comes from the derived flags: its reason is the one stored when the note was
   * judged, and only where there is none (a store from before schema 3) is the classifier asked,
   * when it is read.
   */
  private Judgement judgement(int o, Verdict verdict, Supplier<Invitation> inv) {
    if (verdict == Verdict.TEMPLATE) {
      return Judgement.of(new Classification(Verdict.TEMPLATE, "mass template: the same text came"
          + " from " + TemplateCounter.ENOUGH + " or more different senders"));
    }
    String reason = p.reasons().reasonOf(o);
    if (reason != null) {
      return Judgement.of(new Classification(verdict, reason));
    }
    return Judgement.later(verdict, () -> {
      Invitation i = inv.get();
      return classifier.classify(i.message(), i.fromName(), i.toName());
    }, classifier::ready);
  }

  private static Instant decidedAt(DecisionColumn decisions, int o) {
    long at = decisions.decidedAtMillis(o);
    return at < 0 ? null : Instant.ofEpochMilli(at);
  }

  /**
   * What the user's connections (or, failing that, client list) say of the other person's work.
   * Looked up only for a connection or a client, from the invitation itself: a row on screen
   * then needs no column of the whole inbox.
   */
  private String headline(Invitation inv, boolean connection, boolean client) {
    if (!connection && !client) {
      return "";
    }
    Person person = Person.of(inv);
    String fromConnections = connection
        ? p.connections().headline(person.hasUrl(), person.urlHash(), person.nameHash()) : "";
    if (!fromConnections.isEmpty() || !client) {
      return fromConnections;
    }
    return p.clientIndex().company(person.hasUrl(), person.urlHash(), person.nameHash());
  }

  /**
   * The facts of every invitation as of now, rebuilding only what changed since last time. Name
   * keys come from {@code nameKeys} when first needed: the caller passes {@link #nameKeyBlocks()}
   * wrapped in its lock.
   */
  FacetSnapshot facets(Supplier<long[][]> nameKeys, Supplier<int[][]> sentAt) {
    return new FacetSnapshot(p.size(), p.derivedFlags(), p.decisionCopy(), p.newestFirst(), nameKeys, sentAt);
  }

  long[][] nameKeyBlocks() {
    return p.columns().nameKeyBlocks();
  }

  int[][] sentAtBlocks() {
    return p.columns().sentAtBlocks();
  }

  /** The flags and decisions of every invitation as of now: all that counts need. */
  FlagSnapshot flags() {
    return new FlagSnapshot(p.size(), p.derivedFlags(), p.decisionCopy());
  }

  /**
   * The most-sent templates: the invitations judged TEMPLATE grouped by their text's key, with
   * their different senders counted in full (the counter that judges stops at three), most
   * senders first. Each is shown as the first of them that was imported.
   */
  List<TemplateUse> templates(int limit) {
    Columns c = p.columns();
    FlagSnapshot flags = new FlagSnapshot(p.size(), p.derivedFlags(), null);
    Map<Long, Set<Long>> senders = new HashMap<>();
    Map<Long, int[]> uses = new HashMap<>(); // key: {invitations, first ordinal}
    for (int o = 0; o < p.size(); o++) {
      if (flags.verdict(o) == Verdict.TEMPLATE) {
        long key = c.templateKey(o);
        senders.computeIfAbsent(key, k -> new HashSet<>()).add(c.personHash(o));
        int first = o;
        uses.computeIfAbsent(key, k -> new int[] {0, first})[0]++;
      }
    }
    return uses.entrySet().stream()
        .sorted(Comparator.<Map.Entry<Long, int[]>>comparingInt(e -> -senders.get(e.getKey()).size())
            .thenComparingInt(e -> -e.getValue()[0])
            .thenComparingInt(e -> e.getValue()[1]))
        .limit(limit)
        .map(e -> new TemplateUse(p.invitationAt(e.getValue()[1]).message(), senders.get(e.getKey()).size(), e.getValue()[0]))
        .toList();
  }

  List<Client> clients() {
    return p.clients();
  }

  Optional<Client> client(long id) {
    byte[] b = p.t.clients.get(id);
    return b == null ? Optional.empty() : Optional.of(Codec.client(b));
  }

  /**
   * Checks the structures agree with each other; returns what is wrong, or null. Opening a store
   * checks counts and the last invitation's id only ({@code thorough} false), which reads a few
   * values whatever the inbox's size: a store is only ever changed by whole MapDB commits, and a
   * commit never seen to end makes the open rebuild it instead. {@code db check} loads everything.
   * What reading throws, {@link DurableStore#consistencyProblem} says (a damaged store or a disk
   * that failed).
   */
  String consistencyProblem(boolean thorough) {
    Tables t = p.t;
    int size = p.size();
    int chunks = Chunks.chunksFor(size);
    if (chunks != Chunks.storedChunks(t.invitations) || chunks != Chunks.storedChunks(t.columns)) {
      return "its invitation count does not match its records";
    }
    if (Chunks.chunksFor((int) t.metaLong(Tables.META_CONNECTIONS, 0)) != Chunks.storedChunks(t.connections)) {
      return "its connection count does not match its records";
    }
    if (thorough) {
      if (chunks != t.invitations.size() || chunks != t.columns.size()) {
        return "its invitation count does not match its records";
      }
      if (Chunks.chunksFor((int) t.metaLong(Tables.META_CONNECTIONS, 0)) != t.connections.size()) {
        return "its connection count does not match its records";
      }
      p.columns();
      p.ids();
      p.decisions();
      p.connections();
    }
    if (size > 0) {
      InvitationId last = p.idAt(size - 1);
      IdIndex ids = p.idsIfLoaded();
      int found = ids != null ? ids.ordinalOf(last) : IdIndex.storedOrdinalOf(t.ids, last);
      if (found != size - 1) {
        return "its id index does not match its records";
      }
    }
    return null;
  }
}
