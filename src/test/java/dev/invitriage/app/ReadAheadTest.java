package dev.invitriage.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invitriage.classify.Classifier;
import dev.invitriage.domain.InboxEntry;
import dev.invitriage.domain.InboxRepository;
import dev.invitriage.domain.InvitriageException;
import dev.invitriage.store.MapDbInbox;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An export's reading on a second thread gives every row in order, and fails as the store does. */
class ReadAheadTest {
  /** More rows than the batches read ahead hold, so that the reader waits for the consumer. */
  static final int ROWS = 10_000;

  @TempDir Path dir;
  Path store;

  @BeforeEach
  void importSample() {
    store = dir.resolve("inbox.db");
    try (App app = App.open(store, new PhraseBook(dir.resolve("no-phrases.txt")), InboxViewTest.CLOCK, n -> { })) {
      app.importFiles(List.of(InboxViewTest.SAMPLE), false, s -> { });
    }
  }

  /** A view of {@code ROWS} rows cycling through the store's invitations, newest first. */
  static InboxView longView(InboxRepository inbox) {
    InboxView real = new App(inbox, InboxViewTest.CLOCK).view(View.ALL, SortOrder.DATE);
    int[] ordinals = new int[ROWS];
    for (int row = 0; row < ROWS; row++) {
      ordinals[row] = real.ordinal(row % real.size());
    }
    return new InboxView(View.ALL, SortOrder.DATE, ordinals, inbox, inbox.facets());
  }

  @Test
  void givesEveryRowOfTheViewInItsOrder() {
    try (MapDbInbox inbox = MapDbInbox.open(store, Classifier.create(List.of()), n -> { })) {
      InboxView view = longView(inbox);
      List<InboxEntry> read = new ArrayList<>();
      try (ReadAhead rows = new ReadAhead(view, inbox)) {
        for (InboxEntry e; (e = rows.next()) != null; ) {
          read.add(e);
        }
        assertThat(rows.next()).as("after the last").isNull();
      }
      assertThat(read).hasSize(ROWS);
      for (int row = 0; row < ROWS; row += 997) {
        assertThat(read.get(row)).as("row %d", row).isEqualTo(inbox.entryAt(view.ordinal(row)));
      }
    }
  }

  @Test
  void aStoreFailingPartWayIsThrownToTheConsumer() {
    try (MapDbInbox real = MapDbInbox.open(store, Classifier.create(List.of()), n -> { })) {
      AtomicInteger reads = new AtomicInteger();
      InboxRepository failing = (InboxRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
          new Class<?>[] {InboxRepository.class}, (proxy, method, args) -> {
            if (method.getName().equals("entryAt") && reads.incrementAndGet() > 1500) {
              throw InvitriageException.io("inbox.db: cannot read: disk gone", null);
            }
            try {
              return method.invoke(real, args);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
          });
      int taken = 0;
      try (ReadAhead rows = new ReadAhead(longView(failing), failing)) {
        InvitriageException thrown = null;
        try {
          while (rows.next() != null) {
            taken++;
          }
        } catch (InvitriageException e) {
          thrown = e;
        }
        assertThat(thrown).as("the store's failure, as it was").hasMessage("inbox.db: cannot read: disk gone");
      }
      assertThat(taken).as("rows given before the failure").isPositive().isLessThan(1500);
    }
  }
}
