package dev.invitriage.domain;

/** Whether the user received an invitation or sent it. */
public enum Direction {
  INCOMING,
  OUTGOING
}
