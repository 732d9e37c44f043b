package dev.invitriage.domain;

import java.util.Objects;

/**
 * Somebody on the user's client list: their invitations are never offenders.
 *
 * @param id the store's number for this client, stable for its life; 0 before it is stored
 * @param url a profile URL, or the empty string when only the name is known
 */
public record Client(long id, String name, String url, String company, String note) {

  public Client {
    name = Objects.requireNonNullElse(name, "");
    url = Objects.requireNonNullElse(url, "");
    company = Objects.requireNonNullElse(company, "");
    note = Objects.requireNonNullElse(note, "");
  }

  public Client withId(long newId) {
    return new Client(newId, name, url, company, note);
  }
}
