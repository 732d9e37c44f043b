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
  TEMPLATE;

  /** True for the verdicts that make an incoming, non-client invitation an offender. */
  public boolean offends() {
    return this != PERSONAL;
  }
}
