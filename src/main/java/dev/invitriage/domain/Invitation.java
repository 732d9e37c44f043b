package dev.invitriage.domain;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * One invitation as LinkedIn exported it. Immutable facts only: what the user decided or noted
 * lives beside it, in {@link InboxEntry}.
 *
 * @param sentAt LinkedIn's local time of sending; the export carries no time zone
 * @param message the note exactly as exported, or the empty string when there was none
 * @param fromUrl profile URL of the sender, or the empty string when the export has none
 */
public record Invitation(
    Direction direction,
    String fromName,
    String fromUrl,
    String toName,
    String toUrl,
    LocalDateTime sentAt,
    String message) {

  public Invitation {
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(sentAt, "sentAt");
    fromName = Objects.requireNonNullElse(fromName, "");
    fromUrl = Objects.requireNonNullElse(fromUrl, "");
    toName = Objects.requireNonNullElse(toName, "");
    toUrl = Objects.requireNonNullElse(toUrl, "");
    message = Objects.requireNonNullElse(message, "");
  }

  /** The other person: the sender of an incoming invitation, the recipient of an outgoing one. */
  public String counterpartName() {
    return direction == Direction.INCOMING ? fromName : toName;
  }

  /** The other person's profile URL, or the empty string. */
  public String counterpartUrl() {
    return direction == Direction.INCOMING ? fromUrl : toUrl;
  }
}
