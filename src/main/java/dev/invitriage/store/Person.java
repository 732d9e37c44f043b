package dev.invitriage.store;

import dev.invitriage.domain.Invitation;
import dev.invitriage.domain.Names;
import dev.invitriage.domain.ProfileUrl;

/**
 * The other person of an invitation as clients and connections are matched against them: hashes
 * of the normalised profile URL (0 when there is none) and of the normalised full name.
 */
record Person(boolean hasUrl, long urlHash, long nameHash, String normalisedName) {

  static Person of(Invitation inv) {
    return of(ProfileUrl.normalise(inv.counterpartUrl()), Names.normalise(inv.counterpartName()));
  }

  /** The person of a normalised profile URL ("" for none) and full name. */
  static Person of(String normalisedUrl, String normalisedName) {
    return new Person(!normalisedUrl.isEmpty(), normalisedUrl.isEmpty() ? 0 : Hashes.of(normalisedUrl),
        Hashes.of(normalisedName), normalisedName);
  }
}
