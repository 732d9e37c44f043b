package dev.invitriage.store;

import dev.invitriage.domain.Client;
import dev.invitriage.domain.Decision;
import dev.invitriage.domain.InvitationId;
import java.util.ArrayList;
import java.util.List;

/**
 * One undoable user change: a label for messages ("accept 3 invitations") and the primitive
 * operations it consists of. Undo applies the inverse change, computed from the state just before.
 */
record Change(String label, List<Op> ops) {

  Change {
    ops = List.copyOf(ops);
  }

  /** A primitive, idempotent state assignment. */
  sealed interface Op permits SetDecision, SetNote, PutClient, RemoveClient {}

  /** @param decidedAtMillis epoch millis, or -1 when the decision has no time (pending, never set) */
  record SetDecision(InvitationId id, Decision decision, long decidedAtMillis) implements Op {}

  /** @param text the empty string removes the note */
  record SetNote(InvitationId id, String text) implements Op {}

  record PutClient(Client client) implements Op {}

  record RemoveClient(long clientId) implements Op {}

  static Change of(String label, Op op) {
    return new Change(label, List.of(op));
  }

  static Change of(String label, List<? extends Op> ops) {
    return new Change(label, new ArrayList<>(ops));
  }
}
