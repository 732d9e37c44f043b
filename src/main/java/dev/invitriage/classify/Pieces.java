package dev.invitriage.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The pieces a note was cut into while it was judged (greeting, default text, request, signature,
 * ...), each a run of tokens: what a GENERIC reason names and what {@code classify --explain}
 * shows. Judging records into one only when asked (a null Pieces records nothing) and takes back
 * what it recorded on a path that failed ({@link #mark}, {@link #reset}).
 */
final class Pieces {
  /** What a piece is; {@link #label} is how an explanation names it. */
  enum Kind {
    GREETING("greeting"),
    NAME("name"),
    DEFAULT_TEXT("default text"),
    PLEASANTRY("pleasantry"),
    REQUEST("request to connect"),
    SIGN_OFF("sign-off"),
    SIGNATURE("signature"),
    CONTENT("content");

    final String label;

    Kind(String label) {
      this.label = label;
    }
  }

  private Kind[] kinds = new Kind[16];
  private int[] from = new int[16];
  private int[] to = new int[16];
  private long[] languages = new long[16];
  private String[] labels = new String[16];
  private int size;

  private static final ThreadLocal<Pieces> PER_THREAD = ThreadLocal.withInitial(Pieces::new);

  /** This thread's Pieces, emptied: valid until the next call on the same thread. */
  static Pieces reused() {
    Pieces p = PER_THREAD.get();
    p.size = 0;
    return p;
  }

  static int mark(Pieces p) {
    return p == null ? 0 : p.size;
  }

  static void reset(Pieces p, int mark) {
    if (p != null) {
      p.size = mark;
    }
  }

  /** Records a piece; {@code languages} as in {@link WordSequences#languagesOf}. */
  static void add(Pieces p, Kind kind, int from, int to, long languages) {
    if (p != null && to > from) {
      p.add(kind, from, to, languages, null);
    }
  }

  /** Records a default text, labelled as its reason names it ({@code pl, classic}). */
  static void addDefault(Pieces p, int from, int to, String label) {
    if (p != null) {
      p.add(Kind.DEFAULT_TEXT, from, to, 0, label);
    }
  }

  private void add(Kind kind, int start, int end, long langs, String label) {
    if (size == kinds.length) {
      kinds = Arrays.copyOf(kinds, 2 * size);
      from = Arrays.copyOf(from, 2 * size);
      to = Arrays.copyOf(to, 2 * size);
      languages = Arrays.copyOf(languages, 2 * size);
      labels = Arrays.copyOf(labels, 2 * size);
    }
    kinds[size] = kind;
    from[size] = start;
    to[size] = end;
    languages[size] = langs;
    labels[size] = label;
    size++;
  }

  int size() {
    return size;
  }

  Kind kind(int i) {
    return kinds[i];
  }

  /**
   * The language the worded pieces share, the first in the languages' order; else every language
   * any of them is in. As bits by language number; 0 when no piece has words of a language (names,
   * emoji).
   */
  long languages() {
    long common = -1;
    long any = 0;
    for (int i = 0; i < size; i++) {
      if (languages[i] != 0) {
        common &= languages[i];
        any |= languages[i];
      }
    }
    return any == 0 ? 0 : common != 0 ? Long.lowestOneBit(common) : any;
  }

  /** The codes of the languages of {@code bits}, in the languages' order: "en", "de, nl". */
  static String codes(long bits) {
    StringBuilder codes = new StringBuilder();
    for (long rest = bits; rest != 0; rest &= rest - 1) {
      codes.append(codes.length() == 0 ? "" : ", ")
          .append(Noise.languageCode(Long.numberOfTrailingZeros(rest)));
    }
    return codes.toString();
  }

  /** The pieces as an explanation shows them, each with its tokens from the note. */
  List<Explanation.Piece> toList(Canonical c) {
    List<Explanation.Piece> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      String detail = labels[i] != null ? labels[i] : codes(languages[i]);
      out.add(new Explanation.Piece(kinds[i].label, c.joined(from[i], to[i]), detail));
    }
    return out;
  }
}
