package dev.invitriage.domain;

import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * An invitation's verdict, known at once, and its {@link Classification} (the verdict with the
 * reason for it), worked out on first use. A row of the list shows the verdict only; the reason is
 * read for the detail pane and exports. Judging a note for its reason was a third of reading a page
 * of rows while the JIT had not yet compiled the classifier, that is, in a session's first minutes.
 *
 * <p>Equal when their classifications are equal. Safe to share between threads: judging twice
 * gives the same classification.
 */
public final class Judgement {
  private final Verdict verdict;
  private final Supplier<Classification> judge;
  /** Whether {@link #judge} answers at once; null when it always does. */
  private final BooleanSupplier ready;
  private volatile Classification classification;

  private Judgement(Verdict verdict, Supplier<Classification> judge, BooleanSupplier ready,
      Classification classification) {
    this.verdict = Objects.requireNonNull(verdict, "verdict");
    this.judge = judge;
    this.ready = ready;
    this.classification = classification;
  }

  /** A classification already made. */
  public static Judgement of(Classification classification) {
    return new Judgement(classification.verdict(), null, null, classification);
  }

  /**
   * The verdict now, the classification when first asked. {@code judge} must give this verdict; its
   * reason is what is used.
   */
  public static Judgement later(Verdict verdict, Supplier<Classification> judge) {
    return new Judgement(verdict, Objects.requireNonNull(judge, "judge"), null, null);
  }

  /** As {@link #later(Verdict, Supplier)}, where {@code ready} tells whether judging is quick now. */
  public static Judgement later(Verdict verdict, Supplier<Classification> judge, BooleanSupplier ready) {
    return new Judgement(verdict, Objects.requireNonNull(judge, "judge"), ready, null);
  }

  public Verdict verdict() {
    return verdict;
  }

  public Classification classification() {
    Classification c = classification;
    if (c == null) {
      c = new Classification(verdict, judge.get().reason());
      classification = c;
    }
    return c;
  }

  /**
   * The classification when it is known or can be made at once; null while the judge is still
   * being made (a screen shows the rest meanwhile).
   */
  public Classification classificationIfReady() {
    Classification c = classification;
    return c != null || ready == null || ready.getAsBoolean() ? classification() : null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Judgement j && classification().equals(j.classification());
  }

  @Override
  public int hashCode() {
    return classification().hashCode();
  }

  @Override
  public String toString() {
    return classification().toString();
  }
}
