package dev.invitriage.store;

import dev.invitriage.domain.Classification;
import dev.invitriage.domain.Connection;
import dev.invitriage.domain.Direction;
import dev.invitriage.domain.ImportBatch;
import dev.invitriage.domain.Invitation;
import dev.invitriage.domain.MessageClassifier;
import dev.invitriage.domain.Verdict;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Invitations and a predictable classifier for store tests, which test storage, not wording. */
final class Fixtures {
  private Fixtures() {}

  /**
   * EMPTY for blank, DEFAULT when the text says "default", GENERIC when it says "generic", else
   * PERSONAL keyed by its words.
   */
  static final MessageClassifier CLASSIFIER = new MessageClassifier() {
    @Override
    public Classification classify(String message, String senderName, String recipientName) {
      if (message.isBlank()) {
        return new Classification(Verdict.EMPTY, "no message");
      }
      if (message.toLowerCase(Locale.ROOT).contains("default")) {
        return new Classification(Verdict.DEFAULT, "default text (test)");
      }
      if (message.toLowerCase(Locale.ROOT).contains("generic")) {
        return new Classification(Verdict.GENERIC, "generic: greeting (test)");
      }
      return new Classification(Verdict.PERSONAL, "personal");
    }

    @Override
    public String templateKey(String message, String senderName, String recipientName) {
      return classify(message, senderName).verdict() == Verdict.PERSONAL ? message.toLowerCase(Locale.ROOT).strip() : "";
    }
  };

  static Invitation incoming(int n, String message) {
    return new Invitation(Direction.INCOMING, "Sender " + n, "https://www.linkedin.com/in/sender-" + n,
        "Pat User", "https://www.linkedin.com/in/pat", LocalDateTime.of(2025, 1, 1, 9, 0).plusMinutes(n), message);
  }

  /** The same invitation without the sender's profile URL, as some exports have it. */
  static Invitation withoutUrl(Invitation inv) {
    return new Invitation(inv.direction(), inv.fromName(), "", inv.toName(), inv.toUrl(), inv.sentAt(), inv.message());
  }

  static ImportBatch batch(Invitation... invitations) {
    return new ImportBatch(List.of("Invitations.csv"), List.of(invitations), List.of(), List.of());
  }

  static ImportBatch batchOf(int from, int count) {
    List<Invitation> list = new ArrayList<>();
    for (int i = from; i < from + count; i++) {
      list.add(incoming(i, i % 3 == 0 ? "" : i % 3 == 1 ? "default text" : "We met at meetup " + i));
    }
    return new ImportBatch(List.of("Invitations.csv"), list, List.of(), List.of());
  }

  static ImportBatch connections(Connection... connections) {
    return new ImportBatch(List.of("Connections.csv"), List.of(), List.of(connections), List.of());
  }
}
