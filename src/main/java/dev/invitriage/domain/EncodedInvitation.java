package dev.invitriage.domain;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;

/**
 * An invitation as the store keeps it, its texts still UTF-8 bytes: an export prints them as they
 * are, where decoding a million rows' texts into strings only to encode them again was a third of
 * its time. The bytes are whole UTF-8, written by the store from strings.
 */
public final class EncodedInvitation {
  /** The invitation's texts, in the order an export prints them. */
  public enum Text {
    FROM_NAME,
    FROM_URL,
    TO_NAME,
    TO_URL,
    MESSAGE;

    /** How many there are: {@code values()} makes a new array at every call, for every row. */
    public static final int COUNT = values().length;
  }

  private final Direction direction;
  private final LocalDateTime sentAt;
  private final byte[] bytes;
  private final int[] bounds;

  /**
   * @param bytes holds every text
   * @param bounds each {@link Text}'s start in {@code bytes}, then its end, in {@link Text} order
   */
  public EncodedInvitation(Direction direction, LocalDateTime sentAt, byte[] bytes, int[] bounds) {
    if (bounds.length != 2 * Text.COUNT) {
      throw new IllegalArgumentException("bounds of " + bounds.length / 2 + " texts");
    }
    this.direction = direction;
    this.sentAt = sentAt;
    this.bytes = bytes;
    this.bounds = bounds;
  }

  public Direction direction() {
    return direction;
  }

  public LocalDateTime sentAt() {
    return sentAt;
  }

  /** The bytes the texts are in; read, never changed. */
  public byte[] bytes() {
    return bytes;
  }

  /** Where a text starts in {@link #bytes}. */
  public int from(Text text) {
    return bounds[2 * text.ordinal()];
  }

  /** Where a text ends in {@link #bytes}. */
  public int to(Text text) {
    return bounds[2 * text.ordinal() + 1];
  }

  public String text(Text text) {
    return new String(bytes, from(text), to(text) - from(text), StandardCharsets.UTF_8);
  }

  /** The invitation with its texts decoded. */
  public Invitation decode() {
    return new Invitation(direction, text(Text.FROM_NAME), text(Text.FROM_URL), text(Text.TO_NAME),
        text(Text.TO_URL), sentAt, text(Text.MESSAGE));
  }
}
