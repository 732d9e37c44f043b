package dev.invitriage.classify;

import dev.invitriage.domain.Classification;
import java.util.List;

/**
 * A verdict with the note cut into the pieces that decided it, for {@code classify --explain}.
 *
 * @param pieces in the note's order; their text is the note's words as matched (lower case,
 *     without accents or punctuation)
 */
public record Explanation(Classification classification, List<Piece> pieces) {

  /**
   * One piece of a note.
   *
   * @param kind greeting, name, default text, pleasantry, request to connect, sign-off, signature
   *     or content
   * @param detail the default text's language and variant ({@code pl, classic}), or the languages
   *     that list the piece's words; empty when none do
   */
  public record Piece(String kind, String text, String detail) {}
}
