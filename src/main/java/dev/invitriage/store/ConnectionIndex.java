package dev.invitriage.store;

import dev.invitriage.domain.Connection;
import dev.invitriage.domain.Names;
import dev.invitriage.domain.ProfileUrl;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Who the user is already connected to: connection records (deduplicated) and the hashes that
 * match invitations against them — by profile URL, or by full name when the invitation has no URL
 * and exactly one connection has that name.
 */
final class ConnectionIndex {
  private final RecordChunks records;
  private int size;
  private final Set<Long> keys = new HashSet<>();
  private final Set<Long> urls = new HashSet<>();
  private final Map<Long, Integer> names = new HashMap<>();
  /** Position and company of connections, by URL hash and (for unique names) by name hash. */
  private final Map<Long, String> headlineByUrl = new HashMap<>();
  private final Map<Long, String> headlineByName = new HashMap<>();

  private ConnectionIndex(RecordChunks records) {
    this.records = records;
  }

  static ConnectionIndex load(RecordChunks records, int count) {
    ConnectionIndex index = new ConnectionIndex(records);
    for (int i = 0; i < count; i++) {
      index.remember(Codec.connection(records.get(i)));
      index.size++;
    }
    return index;
  }

  int size() {
    return size;
  }

  Connection get(int i) {
    return Codec.connection(records.get(i));
  }

  /** Stores a connection unless it is known already; a hidden profile (no name, no URL) is skipped. */
  void add(Connection c) {
    if (remember(c)) {
      records.append(size++, Codec.connection(c));
    }
  }

  private boolean remember(Connection c) {
    String url = ProfileUrl.normalise(c.url());
    String name = Names.normalise(c.fullName());
    if (url.isEmpty() && name.isEmpty()) {
      return false;
    }
    long key = Hashes.of(url.isEmpty() ? "name:" + name + "|" + c.connectedOn() : "url:" + url);
    if (!keys.add(key)) {
      return false;
    }
    String headline = headline(c);
    if (!url.isEmpty()) {
      urls.add(Hashes.of(url));
      if (!headline.isEmpty()) {
        headlineByUrl.put(Hashes.of(url), headline);
      }
    }
    if (!name.isEmpty()) {
      names.merge(Hashes.of(name), 1, Integer::sum);
      if (!headline.isEmpty()) {
        headlineByName.put(Hashes.of(name), headline);
      }
    }
    return true;
  }

  boolean matches(boolean hasUrl, long urlHash, long nameHash) {
    if (hasUrl) {
      return urls.contains(urlHash);
    }
    Integer n = names.get(nameHash);
    return n != null && n == 1;
  }

  /** The matched connection's position and company, or the empty string. */
  String headline(boolean hasUrl, long urlHash, long nameHash) {
    if (!matches(hasUrl, urlHash, nameHash)) {
      return "";
    }
    return hasUrl ? headlineByUrl.getOrDefault(urlHash, "") : headlineByName.getOrDefault(nameHash, "");
  }

  private static String headline(Connection c) {
    String position = c.position().strip();
    String company = c.company().strip();
    if (position.isEmpty() || company.isEmpty()) {
      return position + company;
    }
    return position + ", " + company;
  }

  void flush() {
    records.flush();
  }
}
