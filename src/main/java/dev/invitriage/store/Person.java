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
    String url = ProfileUrl.normalise(inv.counterpartUrl());
    String name = Names.normalise(inv.counterpartName());
    return new Person(!url.isEmpty(), url.isEmpty() ? 0 : Hashes.of(url), Hashes.of(name), name);
  }
}
