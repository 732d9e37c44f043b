package dev.invitriage.domain;

/** Judges invitation messages; implemented by the classify package, used wherever verdicts are made. */
public interface MessageClassifier {

  /**
   * DEFAULT, EMPTY, GENERIC or PERSONAL with a reason; never TEMPLATE, which needs the whole
   * inbox. The names ("" when unknown) are recognised where a name stands in the note.
   */
  Classification classify(String message, String senderName, String recipientName);

  /** {@link #classify(String, String, String)} with the recipient unknown. */
  default Classification classify(String message, String senderName) {
    return classify(message, senderName, "");
  }

  /**
   * The message stripped of names, greetings and noise, so the same template from different
   * senders gives the same key; the empty string unless the message is PERSONAL.
   */
  String templateKey(String message, String senderName, String recipientName);

  /**
   * {@link #templateKey(String, String, String)} of a message the caller has just judged
   * PERSONAL: an import judges every message once, and the key need not judge it again.
   */
  default String templateKeyOfPersonal(String message, String senderName, String recipientName) {
    return templateKey(message, senderName, recipientName);
  }

  /**
   * {@link Fnv1a} of {@link #templateKeyOfPersonal}'s key ({@link Fnv1a#START} when it is empty),
   * found without making the key: what an import counts mass templates by.
   */
  default long templateHashOfPersonal(String message, String senderName, String recipientName) {
    return Fnv1a.of(templateKeyOfPersonal(message, senderName, recipientName));
  }

  /** {@link #templateKey(String, String, String)} with the recipient unknown. */
  default String templateKey(String message, String senderName) {
    return templateKey(message, senderName, "");
  }

  /**
   * Starts making, on another thread, what judging needs, so that a first judgement soon after
   * waits less; does nothing where there is nothing to make.
   */
  default void prepareInBackground() {}

  /**
   * True when {@link #classify} answers without first making what it needs: a screen can then
   * show a reason at once, and otherwise shows the rest and the reason a moment later.
   */
  default boolean ready() {
    return true;
  }

  /**
   * Changes whenever a verdict could change: another classifier version or other user phrases.
   * Stores keep it to know when their stored verdicts must be recomputed.
   */
  default String fingerprint() {
    return getClass().getName();
  }
}
