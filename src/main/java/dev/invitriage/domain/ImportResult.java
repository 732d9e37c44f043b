package dev.invitriage.domain;

import java.util.List;

/** What an import stored, for its one-line summary. */
public record ImportResult(
    int invitationsRead, int invitationsNew, int connectionsRead, List<String> sources) {

  public int invitationsKnown() {
    return invitationsRead - invitationsNew;
  }
}
