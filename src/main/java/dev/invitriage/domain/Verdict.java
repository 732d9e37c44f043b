package dev.invitriage.domain;

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
   * definition of that set (EMPTY, DEFAULT, GENERIC, TEMPLATE).
   */
  public boolean offends() {
    return this != PERSONAL;
  }
}
