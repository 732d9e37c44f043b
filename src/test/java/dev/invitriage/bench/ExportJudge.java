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
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Judges a LinkedIn export's rows as an import must (verdict and reason, the template key of a
 * personal note, the other person's URL and name put in one form, the id), a part at a time as they
 * are read, on as many threads as the machine has cores (an import's judging could use them all;
 * a floor is what no arrangement avoids), a few parts ahead of the judging at most, as an import
 * holds them. Prints how much CPU time the judging took on all its threads (the collector's pauses
 * are not in it). Run in a fresh JVM with the launcher's settings for import; {@link Bench}
 * reports that time, and the JVM's wall time, beside sqlite3's whole import.
 */
public final class ExportJudge {
  private ExportJudge() { }

  public static void main(String[] args) throws Exception {
    Classifier classifier = Classifier.create(List.of());
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    int cores = Runtime.getRuntime().availableProcessors();
    ExecutorService judge = Executors.newFixedThreadPool(cores);
    Semaphore ahead = new Semaphore(2 * cores);
    AtomicLong rows = new AtomicLong();
    AtomicLong personal = new AtomicLong();
    AtomicLong nanos = new AtomicLong();
    AtomicReference<Throwable> failed = new AtomicReference<>();
    new LinkedInExportReader().read(List.of(Path.of(args[0])), false, skipped -> { }, part -> {
      ahead.acquireUninterruptibly();
      judge.submit(() -> {
        long start = threads.getCurrentThreadCpuTime();
        try {
          judgeAll(part.invitations(), classifier, personal);
        } catch (RuntimeException | Error e) {
          failed.compareAndSet(null, e);
        } finally {
          nanos.addAndGet(threads.getCurrentThreadCpuTime() - start);
          rows.addAndGet(part.invitations().size());
          ahead.release();
        }
      });
    });
    judge.shutdown();
    if (!judge.awaitTermination(10, TimeUnit.MINUTES) || failed.get() != null || rows.get() == 0 || personal.get() == 0) {
      throw new IllegalStateException(args[0] + ": not judged (" + rows.get() + " rows)", failed.get());
    }
    System.out.printf(Locale.ROOT, "%.3f%n", nanos.get() / 1e9);
  }

  private static void judgeAll(List<Invitation> invitations, Classifier classifier, AtomicLong personal) {
    for (Invitation inv : invitations) {
      Classification c = classifier.classify(inv.message(), inv.fromName(), inv.toName());
      // The template key's hash, as an import finds it (JudgedPart): the key is never made.
      if (c.verdict() == Verdict.PERSONAL && inv.direction() == Direction.INCOMING
          && classifier.templateHashOfPersonal(inv.message(), inv.fromName(), inv.toName()) != Fnv1a.START) {
        personal.incrementAndGet();
      }
      String url = ProfileUrl.normalise(inv.counterpartUrl());
      InvitationId.of(inv, url, Names.normalise(inv.counterpartName()));
    }
  }
}
