package dev.invitriage.domain;

import java.util.List;

/**
 * Everything read from the files of one {@code import} command, validated and ready to store.
 *
 * @param sources the file names read, for the summary line
 * @param restored triage state carried by an invitriage export being imported back
 */
public record ImportBatch(
    List<String> sources,
    List<Invitation> invitations,
    List<Connection> connections,
    List<RestoredTriage> restored) {

  public ImportBatch {
    sources = List.copyOf(sources);
    invitations = List.copyOf(invitations);
    connections = List.copyOf(connections);
    restored = List.copyOf(restored);
  }
}
