package dev.invitriage.domain;

/** Judges invitation messages; implemented by the classify package, used wherever verdicts are made. */
public interface MessageClassifier {

  /** DEFAULT, EMPTY or PERSONAL with a reason; never TEMPLATE, which needs the whole inbox. */
  Classification classify(String message, String senderName);

  /**
   * The message stripped of names, greetings and noise, so the same template from different
   * senders gives the same key; the empty string when the message is EMPTY or DEFAULT.
   */
  String templateKey(String message, String senderName);

  /**
   * Changes whenever a verdict could change: another classifier version or other user phrases.
   * Stores keep it to know when their stored verdicts must be recomputed.
   */
  default String fingerprint() {
    return getClass().getName();
  }
}
