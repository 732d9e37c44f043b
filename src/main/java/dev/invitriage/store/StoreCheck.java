package dev.invitriage.store;

import java.util.List;

/**
 * What {@code invitriage db check} found in a store.
 *
 * @param journalEntries entries in the journal (snapshot and changes), every checksum read
 * @param problems one line each; empty when the store is healthy
 */
public record StoreCheck(int invitations, int clients, int journalEntries, List<String> problems) {

  public StoreCheck {
    problems = List.copyOf(problems);
  }

  public boolean healthy() {
    return problems.isEmpty();
  }
}
