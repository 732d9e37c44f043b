package dev.invitriage.domain;

import java.util.EnumSet;
import java.util.Set;

/** What the classifier concluded about an invitation's message. */
public enum Verdict {
  /** The sender wrote something of their own. */
  PERSONAL,
  /** Only LinkedIn's default text, in some variant or language, wrapped in noise. */
  DEFAULT,
  /** No message, or only whitespace and invisible characters. */
  EMPTY,
  /** Not a default text, but the same text came from three or more different senders. */
  TEMPLATE,
  /**
   * Not a default text, but nothing said: only greetings, names, pleasantries, stock requests to
   * connect ("let's connect"), sign-offs, a signature, emoji or punctuation. Last, so that the
   * ordinals stores keep for the other verdicts stay as they were.
   */
  GENERIC;

  /**
   * True for the verdicts that make an incoming, non-client invitation an offender: the one
   * definition of that set (EMPTY, DEFAULT, GENERIC, TEMPLATE, unless the user's {@code
   * offenders} setting narrows it).
   */
  public boolean offends() {
    return offending.contains(this);
  }

  private static volatile Set<Verdict> offending = EnumSet.of(DEFAULT, EMPTY, TEMPLATE, GENERIC);

  /**
   * Sets which verdicts offend, for the whole process: the {@code offenders} setting, read once as
   * a command starts. PERSONAL never offends.
   */
  public static void setOffending(Set<Verdict> verdicts) {
    Set<Verdict> set = EnumSet.noneOf(Verdict.class);
    set.addAll(verdicts);
    set.remove(PERSONAL);
    offending = set;
  }
}
