package dev.invitriage.store;

import dev.invitriage.domain.Client;
import dev.invitriage.domain.Names;
import dev.invitriage.domain.ProfileUrl;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who is a client. A client with a URL matches invitations by normalised URL; a client known only
 * by name matches an invitation from somebody of that normalised name when no other client does.
 */
final class ClientIndex {
  private final Set<Long> urls = new HashSet<>();
  private final Map<Long, String> companyByUrl = new HashMap<>();
  private final Map<Long, String> companyByName = new HashMap<>();
  private final Map<Long, Integer> withUrl = new HashMap<>();
  private final Map<Long, Integer> withoutUrl = new HashMap<>();

  ClientIndex(List<Client> clients) {
    for (Client c : clients) {
      String url = ProfileUrl.normalise(c.url());
      long name = Hashes.of(Names.normalise(c.name()));
      if (url.isEmpty()) {
        withoutUrl.merge(name, 1, Integer::sum);
      } else {
        urls.add(Hashes.of(url));
        withUrl.merge(name, 1, Integer::sum);
        companyByUrl.put(Hashes.of(url), c.company().strip());
      }
      companyByName.put(name, c.company().strip());
    }
  }

  /** The company of the matching client; call only when {@link #matches} said yes. */
  String company(boolean hasUrl, long urlHash, long nameHash) {
    if (hasUrl && urls.contains(urlHash)) {
      return companyByUrl.getOrDefault(urlHash, "");
    }
    return companyByName.getOrDefault(nameHash, "");
  }

  boolean matches(boolean hasUrl, long urlHash, long nameHash) {
    if (hasUrl && urls.contains(urlHash)) {
      return true;
    }
    int without = withoutUrl.getOrDefault(nameHash, 0);
    int with = withUrl.getOrDefault(nameHash, 0);
    return hasUrl ? without == 1 && with == 0 : without + with == 1;
  }
}
