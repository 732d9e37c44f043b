package dev.invitriage.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A reason is judged when first asked, and a screen may ask only whether it is to hand. */
class JudgementTest {
  private static final Classification GENERIC = new Classification(Verdict.GENERIC, "generic: greeting (en)");

  @Test
  void whileTheJudgeIsBeingMadeTheReasonIsNotToHandAndNothingWaits() {
    AtomicBoolean ready = new AtomicBoolean(false);
    AtomicInteger judged = new AtomicInteger();
    Judgement j = Judgement.later(Verdict.GENERIC, () -> {
      judged.incrementAndGet();
      return GENERIC;
    }, ready::get);

    assertThat(j.verdict()).isEqualTo(Verdict.GENERIC);
    assertThat(j.classificationIfReady()).isNull();
    assertThat(judged).hasValue(0);

    ready.set(true);
    assertThat(j.classificationIfReady()).isEqualTo(GENERIC);
    ready.set(false);
    assertThat(j.classificationIfReady()).as("once judged, kept").isEqualTo(GENERIC);
    assertThat(judged).hasValue(1);
  }

  @Test
  void askedOutrightItJudgesWhetherReadyOrNot() {
    Judgement j = Judgement.later(Verdict.GENERIC, () -> GENERIC, () -> false);

    assertThat(j.classification()).isEqualTo(GENERIC);
    assertThat(j.classificationIfReady()).isEqualTo(GENERIC);
  }
}
