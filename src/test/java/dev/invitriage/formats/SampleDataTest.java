package dev.invitriage.formats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invitriage.domain.Client;
import dev.invitriage.domain.Connection;
import dev.invitriage.domain.Direction;
import dev.invitriage.domain.ImportBatch;
import dev.invitriage.domain.Invitation;
import dev.invitriage.domain.ProfileUrl;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo export in {@code sample-data/} is complete, well-formed and as varied as promised. */
class SampleDataTest {

  private static final Path SAMPLE = Path.of("sample-data");
  private static ImportBatch batch;

  @BeforeAll
  static void readSampleFolder() {
    batch = Fixtures.read(SAMPLE);
  }

  private static List<Invitation> incoming() {
    return batch.invitations().stream().filter(i -> i.direction() == Direction.INCOMING).toList();
  }

  @Test
  void readsEveryInvitationAndConnection() {
    assertThat(batch.invitations()).hasSize(74);
    assertThat(batch.connections()).hasSize(43);
    assertThat(batch.sources()).containsExactly("Invitations.csv", "Connections.csv");
    assertThat(batch.restored()).isEmpty();
  }

  @Test
  void listsOutgoingFirstThenIncomingEachNewestFirst() {
    List<Invitation> all = batch.invitations();
    assertThat(all.subList(0, 18)).allMatch(i -> i.direction() == Direction.OUTGOING);
    assertThat(all.subList(18, 74)).allMatch(i -> i.direction() == Direction.INCOMING);
    assertThat(all.subList(0, 18))
        .isSortedAccordingTo(Comparator.comparing(Invitation::sentAt).reversed());
    assertThat(all.subList(18, 74))
        .isSortedAccordingTo(Comparator.comparing(Invitation::sentAt).reversed());
  }

  @Test
  void spansTwentyTwentyFourToTwentyTwentySix() {
    Set<Integer> years =
        batch.invitations().stream().map(i -> i.sentAt().getYear()).collect(Collectors.toSet());
    assertThat(years).containsExactlyInAnyOrder(2024, 2025, 2026);
  }

  @Test
  void addressesEveryIncomingInvitationToTheSameUser() {
    assertThat(incoming())
        .allSatisfy(
            i -> {
              assertThat(i.toName()).isEqualTo("Mira Sørensen");
              assertThat(i.toUrl()).isEqualTo("https://www.linkedin.com/in/mira-sorensen");
            });
  }

  @Test
  void leavesAboutFortyPercentOfMessagesEmpty() {
    long empty = batch.invitations().stream().filter(i -> i.message().isEmpty()).count();
    assertThat(empty).isBetween(26L, 36L);
  }

  @Test
  void containsOneTemplateFromAtLeastThreeSenders() {
    var senders =
        incoming().stream()
            .filter(i -> !i.message().isEmpty())
            .collect(
                Collectors.groupingBy(
                    Invitation::message,
                    Collectors.mapping(Invitation::fromName, Collectors.toSet())));
    assertThat(senders.values()).anyMatch(names -> names.size() >= 3);
  }

  @Test
  void keepsMultiLineMessages() {
    assertThat(batch.invitations()).anyMatch(i -> i.message().contains("\n"));
  }

  @Test
  void hasOneOutgoingInvitationToAnEmailAddress() {
    assertThat(batch.invitations())
        .filteredOn(i -> i.direction() == Direction.OUTGOING && i.toName().contains("@"))
        .hasSize(1);
  }

  @Test
  void keepsTwoHiddenProfileConnections() {
    assertThat(batch.connections()).filteredOn(c -> c.fullName().isEmpty()).hasSize(2);
  }

  @Test
  void matchesRawUnicodeSlugsToPercentEncodedOnes() {
    Set<String> connectionUrls =
        batch.connections().stream()
            .map(Connection::url)
            .filter(u -> u.contains("%"))
            .map(ProfileUrl::normalise)
            .collect(Collectors.toSet());
    Set<String> counterpartUrls =
        batch.invitations().stream()
            .map(i -> ProfileUrl.normalise(i.counterpartUrl()))
            .collect(Collectors.toSet());
    assertThat(connectionUrls)
        .filteredOn(counterpartUrls::contains)
        .contains("linkedin.com/in/jürgen-weiß", "linkedin.com/in/илья-чернов");
  }

  @Test
  void includesSendersWhoAreAlreadyConnections() {
    Set<String> connected =
        batch.connections().stream()
            .map(c -> ProfileUrl.normalise(c.url()))
            .collect(Collectors.toSet());
    assertThat(incoming())
        .filteredOn(i -> connected.contains(ProfileUrl.normalise(i.fromUrl())))
        .hasSizeGreaterThan(3);
  }

  @Test
  void readsClientListWithClientsWhoSentInvitations() {
    List<Client> clients = new ClientCsvReader().read(SAMPLE.resolve("clients.csv"), false);
    assertThat(clients).hasSize(5);
    Set<String> senders = incoming().stream().map(Invitation::fromName).collect(Collectors.toSet());
    assertThat(clients).filteredOn(c -> senders.contains(c.name())).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void turnsSampleConnectionsIntoNamedClients() {
    List<Client> clients = new ClientCsvReader().read(SAMPLE.resolve("Connections.csv"), true);
    assertThat(clients).hasSize(41);
  }
}
