package dev.invitriage.bench;

import dev.invitriage.classify.Classifier;
import dev.invitriage.domain.Classification;
import dev.invitriage.domain.Direction;
import dev.invitriage.domain.Fnv1a;
import dev.invitriage.domain.Invitation;
import dev.invitriage.domain.InvitationId;
import dev.invitriage.domain.Names;
import dev.invitriage.domain.ProfileUrl;
import dev.invitriage.domain.Verdict;
import dev.invitriage.formats.LinkedInExportReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Judges a LinkedIn export's rows as an import must (verdict and reason, the template key of a
 * personal note, the other person's URL and name put in one form, the id), a part at a time on a
 * thread of its own as they are read, and says how much CPU time that thread took (the collector's
 * pauses are not in it): the floor under an import's judging thread. Run in a fresh JVM with the
 * launcher's settings for import; {@link Bench} reports it beside sqlite3's whole import.
 */
public final class ExportJudge {
  private ExportJudge() { }

  public static void main(String[] args) throws Exception {
    Classifier classifier = Classifier.create(List.of());
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    ExecutorService judge = Executors.newSingleThreadExecutor();
    long[] rows = {0};
    long[] personal = {0};
    long[] nanos = {0};
    new LinkedInExportReader().read(List.of(Path.of(args[0])), false, skipped -> { }, part -> judge.submit(() -> {
      long start = threads.getCurrentThreadCpuTime();
      for (Invitation inv : part.invitations()) {
        Classification c = classifier.classify(inv.message(), inv.fromName(), inv.toName());
        // The template key's hash, as an import finds it (JudgedPart): the key is never made.
        if (c.verdict() == Verdict.PERSONAL && inv.direction() == Direction.INCOMING
            && classifier.templateHashOfPersonal(inv.message(), inv.fromName(), inv.toName()) != Fnv1a.START) {
          personal[0]++;
        }
        String url = ProfileUrl.normalise(inv.counterpartUrl());
        InvitationId.of(inv, url, Names.normalise(inv.counterpartName()));
      }
      nanos[0] += threads.getCurrentThreadCpuTime() - start;
      rows[0] += part.invitations().size();
    }));
    judge.shutdown();
    if (!judge.awaitTermination(10, TimeUnit.MINUTES) || rows[0] == 0 || personal[0] == 0) {
      throw new IllegalStateException(args[0] + ": nothing judged (" + rows[0] + " rows)");
    }
    System.out.printf(Locale.ROOT, "%.3f%n", nanos[0] / 1e9);
  }
}
