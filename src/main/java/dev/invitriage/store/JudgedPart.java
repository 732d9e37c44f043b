package dev.invitriage.store;

import dev.invitriage.domain.Classification;
import dev.invitriage.domain.Direction;
import dev.invitriage.domain.Fnv1a;
import dev.invitriage.domain.ImportBatch;
import dev.invitriage.domain.Invitation;
import dev.invitriage.domain.InvitationId;
import dev.invitriage.domain.MessageClassifier;
import dev.invitriage.domain.Names;
import dev.invitriage.domain.ProfileUrl;
import dev.invitriage.domain.RestoredTriage;
import dev.invitriage.domain.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * A part of an import with every invitation of it judged, rows first, then restored rows, and
 * (when made for an import rather than a replay) the part as the journal keeps it. Pure, found
 * without the store, so an import makes them on another core while the state applies the part
 * before (see {@link BulkImport}).
 */
record JudgedPart(ImportBatch part, List<JudgedPart.Judged> judged, byte[] journalEntry) {
  /**
   * What the store needs to know of an invitation beyond itself: its id, the other person as
   * clients and connections are matched, its verdict, reason and template key; and the invitation
   * as its record holds it (the journal's entry holds the same bytes).
   */
  record Judged(InvitationId id, Person person, Verdict verdict, String reason, long template, byte[] record) {
    static Judged of(Invitation inv, MessageClassifier classifier) {
      Classification c = classifier.classify(inv.message(), inv.fromName(), inv.toName());
      String url = ProfileUrl.normalise(inv.counterpartUrl());
      String name = Names.normalise(inv.counterpartName());
      return new Judged(InvitationId.of(inv, url, name), Person.of(url, name), c.verdict(), c.reason(),
          templateKeyOf(inv, c.verdict(), classifier), Codec.invitation(inv));
    }
  }

  static JudgedPart of(ImportBatch part, MessageClassifier classifier) {
    return new JudgedPart(part, judgeAll(part, classifier), null);
  }

  /** {@link #of}, with the journal's entry for the part encoded too (pure as well). */
  static JudgedPart forJournal(ImportBatch part, MessageClassifier classifier) {
    List<Judged> judged = judgeAll(part, classifier);
    return new JudgedPart(part, judged, Codec.importBatch(part, judged.stream().map(Judged::record).toList()));
  }

  private static List<Judged> judgeAll(ImportBatch part, MessageClassifier classifier) {
    List<Judged> judged = new ArrayList<>(part.invitations().size() + part.restored().size());
    for (Invitation inv : part.invitations()) {
      judged.add(Judged.of(inv, classifier));
    }
    for (RestoredTriage r : part.restored()) {
      judged.add(Judged.of(r.invitation(), classifier));
    }
    return judged;
  }

  /**
   * The hashed key under which a personal incoming note counts towards a mass template (the same
   * text from enough different senders); 0 for any other note, which no template can make worse.
   */
  static long templateKeyOf(Invitation inv, Verdict baseVerdict, MessageClassifier classifier) {
    if (baseVerdict != Verdict.PERSONAL || inv.direction() != Direction.INCOMING) {
      return 0;
    }
    long key = classifier.templateHashOfPersonal(inv.message(), inv.fromName(), inv.toName());
    return key == Fnv1a.START ? 0 : Hashes.nonZero(key); // START: the hash of an empty key
  }
}
