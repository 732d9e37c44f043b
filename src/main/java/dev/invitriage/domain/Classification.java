package dev.invitriage.domain;

import java.util.Objects;

/**
 * A verdict and the human-readable reason for it, e.g. {@code default text (en, classic) with
 * greeting and signature}. The reason always says which rule matched, so a wrong verdict can be
 * understood and reported.
 */
public record Classification(Verdict verdict, String reason) {

  public Classification {
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(reason, "reason");
  }
}
