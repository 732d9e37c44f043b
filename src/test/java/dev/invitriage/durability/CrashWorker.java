package dev.invitriage.durability;

import dev.invitriage.app.App;
import dev.invitriage.app.PhraseBook;
import dev.invitriage.domain.Client;
import dev.invitriage.domain.InvitationId;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A child JVM of the crash tests. It opens the store through {@link App#open} exactly as the
 * product does, then:
 *
 * <ul>
 *   <li>{@code work DB EXPORTS SEED START}: performs {@link Workload} operations START, START+1, …
 *       as fast as it can, printing {@code OK <n> <description>} after each call returns, until it
 *       is killed;
 *   <li>{@code hold DB}: prints {@code HELD} and keeps the store open until standard input ends.
 * </ul>
 */
public final class CrashWorker {
  private CrashWorker() {}

  /** Number of export folders the work mode may import. */
  static final int EXPORTS = 4;

  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    Path db = Path.of(args[1]);
    SettableClock clock = new SettableClock();
    if (args[0].equals("hold")) {
      try (App app = open(db, clock)) {
        out.println("HELD " + app.inbox().size());
        out.flush();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      }
      return;
    }
    Path exports = Path.of(args[2]);
    long seed = Long.parseLong(args[3]);
    int n = Integer.parseInt(args[4]);
    App app = open(db, clock);
    out.println("OPEN");
    out.flush();
    CachedView view = new CachedView(app);
    while (true) {
      Workload.Op op = Workload.derive(seed, n, EXPORTS, view);
      switch (op.kind()) {
        case IMPORT -> {
          app.importFiles(List.of(Exports.folder(exports, op.export())), false, line -> { });
          view.refresh();
        }
        case DECIDE -> {
          clock.now = Instant.ofEpochMilli(op.atMillis());
          app.decide(op.ids(), op.decision());
        }
        case NOTE -> app.inbox().setNote(op.ids().get(0), op.text());
        case CLIENT_ADD -> app.inbox().addClients(op.clients());
        case CLIENT_EDIT -> app.inbox().updateClient(op.clients().get(0));
        case CLIENT_REMOVE -> app.inbox().removeClient(op.clients().get(0).id());
        case UNDO -> app.inbox().undo();
        case REDO -> app.inbox().redo();
        case REOPEN -> {
          app.close();
          app = open(db, clock);
          view = new CachedView(app);
        }
      }
      out.println("OK " + n + " " + op.describe());
      out.flush();
      n++;
    }
  }

  private static App open(Path db, Clock clock) {
    return App.open(db, new PhraseBook(db.resolveSibling("no-phrases.txt")), clock, notice -> System.err.println("notice: " + notice));
  }

  /** The store's ids, read again only after an import: they change nowhere else. */
  private static final class CachedView implements Workload.View {
    private final App app;
    private Workload.View ids;

    CachedView(App app) {
      this.app = app;
      refresh();
    }

    void refresh() {
      ids = Model.view(app.inbox());
    }

    @Override
    public int size() {
      return ids.size();
    }

    @Override
    public InvitationId idAt(int ordinal) {
      return ids.idAt(ordinal);
    }

    @Override
    public List<Client> clients() {
      return app.inbox().clients();
    }
  }

  /** The decision time each operation asks for. */
  private static final class SettableClock extends Clock {
    volatile Instant now = Instant.EPOCH;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
