package dev.invitriage.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.terminal.Terminal;
import com.googlecode.lanterna.terminal.ansi.ANSITerminal;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.invitriage.app.App;
import dev.invitriage.app.Locations;
import dev.invitriage.app.PhraseBook;
import dev.invitriage.text.TerminalBytes;
import dev.invitriage.ui.FrameBuffered;
import dev.invitriage.ui.FrameOutput;
import dev.invitriage.ui.InboxUi;
import dev.invitriage.ui.UiSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The UI half of the bench, run by {@link Bench} in a child JVM with the product's flags (none):
 * the real {@link InboxUi} on a 120x40 terminal, fed one key at a time. The terminal is the
 * product's output path ({@link AnsiStreamTerminal}), or with {@code -Dbench.terminal=virtual}
 * Lanterna's virtual terminal, which builds a character object per cell written.
 *
 * <p>{@code keys STORE OUT.json}: after a warm-up, times each key from {@code addInput} until the
 * frame that follows it (the UI's {@code onFrame} hook), per kind of key; then reads the process's
 * resident memory from {@code /proc/self/status}; then times page-down again after 3,000 more keys
 * ({@code pageDownWarm}: the same key with the JIT done). The first frame is timed by {@link Bench}
 * on the installed command itself, in a pseudo-terminal.
 *
 * The store is opened the way the CLI opens it (phrases from {@code $XDG_CONFIG_HOME}), so no
 * re-judging happens on open, and the UI settings come from {@link UiSettings#load}.
 */
public final class UiBench {
  static final int COLUMNS = 120;
  static final int ROWS = 40;
  static final long KEY_TIMEOUT_SECONDS = 300;

  /**
   * Queries typed one character at a time, 100 keystrokes in all: common and rare words, names,
   * other scripts, and one query that matches nothing ("qxz": its last two keystrokes each scan
   * every message, so they set the p99 of 100).
   */
  static final List<String> QUERIES = List.of("observability", "kafka consumer lag", "lisbon", "qxz", "миграцией",
      "copenhagen java user group", "distributed systems", "分布式", "tuning", "jürgen");

  private final BenchTerminal terminal;
  private final Semaphore frames = new Semaphore(0);
  private volatile long lastFrame;
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private Thread ui;

  /** The terminal the UI draws on: keys go in one at a time; it notes when the UI took the last. */
  interface BenchTerminal extends Terminal {
    void addInput(KeyStroke key);

    long pickedUp();
  }

  /**
   * The product's own output path, as a tty ({@code TtyTerminal}) or an SSH session gets it:
   * Lanterna's {@link ANSITerminal} writing escape sequences, characters encoded as {@link
   * TerminalBytes} has them, each frame gathered by a {@link FrameOutput} and written in one call,
   * here to a stream that counts the bytes and drops them (a frame's cost is ours, not a pty's).
   * Keys are handed over as key strokes, as the virtual terminal takes them: decoding input is not
   * what is timed.
   */
  static final class AnsiStreamTerminal extends ANSITerminal implements BenchTerminal, FrameBuffered {
    private final BlockingQueue<KeyStroke> keys = new LinkedBlockingQueue<>();
    private final TerminalSize size;
    private final FrameOutput output;
    private volatile long pickedUp;

    private AnsiStreamTerminal(TerminalSize size, FrameOutput output) {
      super(InputStream.nullInputStream(), output, StandardCharsets.UTF_8);
      this.size = size;
      this.output = output;
    }

    static AnsiStreamTerminal of(TerminalSize size) {
      return new AnsiStreamTerminal(size, new FrameOutput(new NullSink()));
    }

    @Override
    protected TerminalSize findTerminalSize() {
      return size;
    }

    @Override
    public void holdUntilFlush() {
      output.holdUntilFlush();
    }

    @Override
    public void putCharacter(char c) throws IOException {
      writeToTerminal(TerminalBytes.of(c));
    }

    @Override
    public void putString(String s) throws IOException {
      writeToTerminal(TerminalBytes.of(s));
    }

    @Override
    public KeyStroke pollInput() {
      KeyStroke k = keys.poll();
      if (k != null) {
        pickedUp = System.nanoTime();
      }
      return k;
    }

    @Override
    public KeyStroke readInput() throws IOException {
      try {
        KeyStroke k = keys.take();
        pickedUp = System.nanoTime();
        return k;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      }
    }

    @Override
    public void addInput(KeyStroke key) {
      keys.add(key);
    }

    @Override
    public long pickedUp() {
      return pickedUp;
    }
  }

  /** Drops what the terminal writes: the frame was made and encoded, which is what is timed. */
  static final class NullSink extends OutputStream {
    @Override
    public void write(int b) {
      // dropped
    }

    @Override
    public void write(byte[] b, int off, int len) {
      // dropped
    }
  }

  /** Lanterna's virtual terminal: a character object per cell written, which a real terminal never costs. */
  static final class VirtualTerminal extends DefaultVirtualTerminal implements BenchTerminal {
    private volatile long pickedUp;

    VirtualTerminal(TerminalSize size) {
      super(size);
    }

    @Override
    public synchronized KeyStroke pollInput() {
      KeyStroke k = super.pollInput();
      if (k != null) {
        pickedUp = System.nanoTime();
      }
      return k;
    }

    @Override
    public long pickedUp() {
      return pickedUp;
    }
  }

  UiBench(String terminalKind) {
    TerminalSize size = new TerminalSize(COLUMNS, ROWS);
    this.terminal = switch (terminalKind) {
      case "ansi" -> AnsiStreamTerminal.of(size);
      case "virtual" -> new VirtualTerminal(size);
      default -> throw new IllegalArgumentException("terminal: ansi or virtual, not " + terminalKind);
    };
  }

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    Path store = Path.of(args[1]);
    UiBench b = new UiBench(System.getProperty("bench.terminal", "ansi"));
    if (mode.equals("keys")) {
      Map<String, Object> result = b.keys(store);
      new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(Path.of(args[2]).toFile(), result);
    } else {
      throw new IllegalArgumentException("mode: keys");
    }
  }

  private App open(Path store) {
    Locations locations = new Locations(System.getenv());
    return App.open(store, new PhraseBook(locations.phrasesFile()), Clock.systemUTC(), notice -> { }, App.Use.INBOX);
  }

  private void start(App app, Runnable onFrame) {
    UiSettings settings = UiSettings.load(System.getenv(), null, Path.of("").toAbsolutePath(), Clock.systemUTC())
        .withOnFrame(onFrame);
    ui = new Thread(() -> {
      try {
        InboxUi.run(terminal, app, settings);
      } catch (Throwable t) {
        failure.set(t);
        frames.release(1_000_000);
      }
    }, "inbox-ui");
    ui.start();
  }

  private void quit() throws InterruptedException {
    terminal.addInput(new KeyStroke('q', false, false));
    ui.join(TimeUnit.SECONDS.toMillis(KEY_TIMEOUT_SECONDS));
    check();
  }

  private void check() {
    Throwable t = failure.get();
    if (t != null) {
      throw new IllegalStateException("the UI failed", t);
    }
  }

  Map<String, Object> keys(Path store) throws Exception {
    Map<String, Object> out = new LinkedHashMap<>();
    try (App app = open(store)) {
      start(app, () -> {
        lastFrame = System.nanoTime();
        frames.release();
      });
      if (!frames.tryAcquire(KEY_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        throw new IllegalStateException("no first frame");
      }
      check();
      // Warm-up: every kind of key a few times, untimed.
      for (int i = 0; i < 100; i++) {
        press(ch('j'));
      }
      for (int i = 0; i < 20; i++) {
        press(key(KeyType.PageDown));
        press(key(KeyType.PageUp));
      }
      for (int i = 0; i < 10; i++) {
        press(ch('G'));
        press(ch('g'));
      }
      for (int i = 0; i < 3; i++) {
        press(ch('2'));
        press(ch('1'));
      }
      press(ch('7'));
      press(ch('/'));
      for (char c : "kafka".toCharArray()) {
        press(ch(c));
      }
      press(key(KeyType.Escape));
      press(ch('1'));
      for (int i = 0; i < 10; i++) {
        press(ch("axl".charAt(i % 3)));
      }

      // Measured.
      press(ch('g'));
      out.put("down", series(500, i -> ch('j')));
      out.put("pageDown", series(200, i -> key(KeyType.PageDown)));
      out.put("topBottom", series(100, i -> ch(i % 2 == 0 ? 'G' : 'g')));
      Samples offenders = new Samples();
      for (int i = 0; i < 50; i++) {
        press(ch('1'));
        offenders.add(press(ch('2')));
      }
      out.put("viewOffenders", offenders.summary());
      press(ch('7')); // search the All view: every message
      Samples search = new Samples();
      int typed = 0;
      for (String q : QUERIES) {
        if (typed >= 100) {
          break;
        }
        press(ch('g'));
        press(ch('/'));
        for (int c = 0; c < q.length() && typed < 100; c++, typed++) {
          search.add(press(ch(q.charAt(c))));
        }
        press(key(KeyType.Escape));
      }
      out.put("searchKeystroke", search.summary());
      press(ch('1'));
      press(ch('g'));
      out.put("decision", series(200, i -> ch("axl".charAt(i % 3))));
      out.put("memory", memory());
      // The same page-down once the JIT has compiled the drawing and reading (after 3,000 more
      // keys): what the figures above owe to a session's first seconds. Not a target; after memory.
      for (int i = 0; i < 1000; i++) {
        press(ch('j'));
        press(key(KeyType.PageDown));
        press(key(KeyType.PageUp));
      }
      press(ch('g'));
      out.put("pageDownWarm", series(200, i -> key(KeyType.PageDown)));
      quit();
    }
    return out;
  }

  private interface KeyAt {
    KeyStroke key(int i);
  }

  private Map<String, Object> series(int n, KeyAt keys) throws InterruptedException {
    Samples s = new Samples();
    for (int i = 0; i < n; i++) {
      s.add(press(keys.key(i)));
    }
    return s.summary();
  }

  /** Types one key and waits for the frame after it: {total, handled} nanoseconds. */
  private long[] press(KeyStroke k) throws InterruptedException {
    frames.drainPermits();
    long sent = System.nanoTime();
    terminal.addInput(k);
    if (!frames.tryAcquire(KEY_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      throw new IllegalStateException("no frame within " + KEY_TIMEOUT_SECONDS + " s after " + k);
    }
    check();
    long frame = lastFrame;
    return new long[] {frame - sent, frame - terminal.pickedUp()};
  }

  private static KeyStroke ch(char c) {
    return new KeyStroke(c, false, false);
  }

  private static KeyStroke key(KeyType t) {
    return new KeyStroke(t);
  }

  /**
   * VmHWM (peak) and VmRSS (now) of this process from /proc/self/status, now split into anonymous
   * memory (heap and the JVM's own) and pages of mapped files (the store), and the heap, in kB.
   */
  static Map<String, Object> memory() throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.US_ASCII)) {
      if (line.startsWith("VmHWM:") || line.startsWith("VmRSS:") || line.startsWith("RssAnon:")
          || line.startsWith("RssFile:")) {
        m.put(line.substring(0, line.indexOf(':')) + "Kb", Long.parseLong(line.replaceAll("[^0-9]", "")));
      }
    }
    Runtime rt = Runtime.getRuntime();
    m.put("heapUsedKb", (rt.totalMemory() - rt.freeMemory()) / 1024);
    m.put("heapCommittedKb", rt.totalMemory() / 1024);
    m.put("heapMaxKb", rt.maxMemory() / 1024);
    // Read after the figures above: how much of the heap is live data rather than garbage not yet collected.
    System.gc();
    m.put("heapLiveAfterGcKb", (rt.totalMemory() - rt.freeMemory()) / 1024);
    return m;
  }

  /** Latencies of one kind of key: from addInput to frame, and from the UI's pickup to frame. */
  static final class Samples {
    private final List<long[]> samples = new ArrayList<>();

    void add(long[] s) {
      samples.add(s);
    }

    Map<String, Object> summary() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("n", samples.size());
      m.putAll(percentiles("", samples.stream().mapToLong(s -> s[0]).toArray()));
      m.putAll(percentiles("handled", samples.stream().mapToLong(s -> s[1]).toArray()));
      // Where the tail lies in the series (early keys: the JIT still compiling; spread: pauses).
      m.put("slowest", java.util.stream.IntStream.range(0, samples.size()).boxed()
          .sorted((a, b) -> Long.compare(samples.get(b)[0], samples.get(a)[0])).limit(5)
          .map(i -> List.of(i, ms(samples.get(i)[0]))).toList());
      return m;
    }

    /** p50, p99 and max in milliseconds; p99 is the nearest-rank value. */
    static Map<String, Object> percentiles(String prefix, long[] nanos) {
      long[] s = nanos.clone();
      Arrays.sort(s);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put(name(prefix, "p50Ms"), ms(rank(s, 0.50)));
      m.put(name(prefix, "p99Ms"), ms(rank(s, 0.99)));
      m.put(name(prefix, "maxMs"), ms(s[s.length - 1]));
      return m;
    }

    private static String name(String prefix, String n) {
      return prefix.isEmpty() ? n : prefix + Character.toUpperCase(n.charAt(0)) + n.substring(1);
    }

    static long rank(long[] sorted, double q) {
      int i = (int) Math.ceil(q * sorted.length) - 1;
      return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    static double ms(long nanos) {
      return Math.round(nanos / 1e4) / 100.0;
    }
  }
}
