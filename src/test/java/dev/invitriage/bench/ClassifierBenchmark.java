package dev.invitriage.bench;

import dev.invitriage.classify.Classifier;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Classifier throughput on one thread over the realistic mix {@link ExportGenerator} writes (the
 * same rows, in file order: consecutive notes come from different senders). One operation is one
 * note; {@link Bench} runs it with a short JMH configuration and reports notes per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class ClassifierBenchmark {
  /** Notes per invocation; the mix repeats every {@link #MIX} notes. */
  static final int BATCH = 1000;
  static final int MIX = 100_000;
  static final long SEED = 42;

  private Classifier classifier;
  private String[] messages;
  private String[] senders;
  private String[] recipients;
  private int next;

  @Setup
  public void setUp() {
    classifier = Classifier.create(List.of());
    List<String[]> notes = ExportGenerator.notes(SEED, MIX);
    messages = new String[notes.size()];
    senders = new String[notes.size()];
    recipients = new String[notes.size()];
    for (int i = 0; i < notes.size(); i++) {
      messages[i] = notes.get(i)[0];
      senders[i] = notes.get(i)[1];
      recipients[i] = notes.get(i)[2];
    }
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void classify(Blackhole bh) {
    int i = next;
    for (int k = 0; k < BATCH; k++) {
      bh.consume(classifier.classify(messages[i], senders[i], recipients[i]));
      i = i + 1 == messages.length ? 0 : i + 1;
    }
    next = i;
  }
}
