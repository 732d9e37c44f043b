package dev.invitriage.classify;

import dev.invitriage.domain.Classification;
import dev.invitriage.domain.MessageClassifier;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The classifier {@link Classifier#create} would make, built on its first use, or on a thread of
 * its own when asked ({@link #prepareInBackground}), instead of now: see {@link
 * Classifier#onFirstUse}. Its fingerprint is known at once, without building it.
 */
final class ClassifierOnFirstUse implements MessageClassifier {
  private final List<String> phrases;
  private final String fingerprint;
  private volatile Classifier built;
  /** Set by the first prepareInBackground: every screen's first frame asks (see App). */
  private final AtomicBoolean preparing = new AtomicBoolean();

  ClassifierOnFirstUse(List<String> userPhrases) {
    this.phrases = userPhrases == null ? null : new ArrayList<>(userPhrases);
    this.fingerprint = Classifier.fingerprintOf(phrases);
  }

  private Classifier built() {
    Classifier c = built;
    if (c == null) {
      synchronized (this) {
        c = built;
        if (c == null) {
          c = Classifier.create(phrases);
          built = c;
        }
      }
    }
    return c;
  }

  @Override
  public Classification classify(String message, String senderName, String recipientName) {
    return built().classify(message, senderName, recipientName);
  }

  @Override
  public String templateKey(String message, String senderName, String recipientName) {
    return built().templateKey(message, senderName, recipientName);
  }

  @Override
  public String templateKeyOfPersonal(String message, String senderName, String recipientName) {
    return built().templateKeyOfPersonal(message, senderName, recipientName);
  }

  @Override
  public long templateHashOfPersonal(String message, String senderName, String recipientName) {
    return built().templateHashOfPersonal(message, senderName, recipientName);
  }

  @Override
  public String fingerprint() {
    return fingerprint;
  }

  @Override
  public boolean ready() {
    return built != null;
  }

  @Override
  public void prepareInBackground() {
    if (built != null || !preparing.compareAndSet(false, true)) {
      return;
    }
    Thread warmUp = new Thread(this::built, "classifier-warm-up");
    warmUp.setDaemon(true); // never keeps a command from ending
    warmUp.start();
  }
}
