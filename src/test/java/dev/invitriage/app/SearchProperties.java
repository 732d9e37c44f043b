package dev.invitriage.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invitriage.domain.Direction;
import dev.invitriage.domain.ImportBatch;
import dev.invitriage.domain.Invitation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Search skips what the store's character filters rule out, reads rows in view order first and
 * then chunk by chunk: whatever path it takes, it must find exactly the row that reading every
 * row in order finds — in any script and case, in names, messages and notes, after notes change.
 */
class SearchProperties {
  static final List<String> WORDS = List.of("kafka", "Lisbon", "observability", "Jürgen", "миграцией", "分布式",
      "系统", "ΣΟΦΙΑ", "σοφία", "naïve", "café", "QXZ", "tuning", "😀", "𝓕𝓪𝓷𝓬𝔂", "İstanbul", "straße", "meetup", "K", "k");

  @Property(tries = 12)
  void findsWhatReadingEveryRowFinds(@ForAll @IntRange(min = 1, max = 1_000_000) int seed) throws IOException {
    Random random = new Random(seed);
    Path dir = Files.createTempDirectory("search");
    try (App app = App.open(dir.resolve("inbox.db"), new PhraseBook(dir.resolve("phrases.txt")),
        Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC), notice -> { })) {
      int rows = 300 + random.nextInt(1700);
      List<Invitation> invitations = new ArrayList<>();
      List<String> texts = new ArrayList<>();
      for (int i = 0; i < rows; i++) {
        String message = random.nextInt(4) == 0 ? "" : sentence(random);
        String name = WORDS.get(random.nextInt(WORDS.size())) + " Person" + i;
        invitations.add(new Invitation(Direction.INCOMING, name, "https://www.linkedin.com/in/p" + i, "Me", "",
            LocalDateTime.of(2025, 1, 1, 0, 0).plusMinutes(random.nextInt(100_000)), message));
        texts.add(message);
        texts.add(name);
      }
      app.inbox().importBatch(new ImportBatch(List.of("Invitations.csv"), invitations, List.of(), List.of()));
      InboxView all = app.view(View.ALL, SortOrder.DATE);
      for (int i = 0; i < 10; i++) {
        String note = i % 3 == 2 ? "" : "note " + sentence(random);
        app.inbox().setNote(all.get(random.nextInt(all.size())).id(), note);
        texts.add(note);
      }
      all = app.view(View.ALL, SortOrder.DATE);
      List<String> needles = new ArrayList<>(List.of("qxz", "zzzz", "a", "系", "σ", "ς", "🙂", "k"));
      for (int i = 0; i < 30; i++) {
        String text = texts.get(random.nextInt(texts.size()));
        if (!text.isEmpty()) {
          int from = random.nextInt(text.length());
          String piece = text.substring(from, Math.min(text.length(), from + 1 + random.nextInt(8)));
          needles.add(random.nextBoolean() ? piece.toUpperCase(Locale.ROOT) : piece);
        }
      }
      for (String needle : needles) {
        // Typed a character at a time, as the incremental search does, from one start row.
        int start = random.nextInt(all.size());
        boolean forward = random.nextBoolean();
        for (int end = 1; end <= needle.length(); end++) {
          String typed = needle.substring(0, end);
          assertThat(all.find(typed, start, forward)).as("find '%s' from %d", typed, start)
              .isEqualTo(readingEveryRow(all, typed, start, forward));
        }
      }
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static String sentence(Random random) {
    StringBuilder s = new StringBuilder();
    for (int w = 0, n = 1 + random.nextInt(8); w < n; w++) {
      s.append(w == 0 ? "" : " ").append(WORDS.get(random.nextInt(WORDS.size())));
    }
    return s.toString();
  }

  private static int readingEveryRow(InboxView view, String text, int from, boolean forward) {
    String needle = text.toLowerCase(Locale.ROOT);
    int n = view.size();
    for (int step = 1; step <= n; step++) {
      int row = Math.floorMod(forward ? from + step : from - step, n);
      if (InboxView.matches(view.get(row), needle)) {
        return row;
      }
    }
    return -1;
  }
}
