package dev.invitriage.domain;

/**
 * One mass-sent text: as one of its senders wrote it, how many different people sent it to the
 * user, and in how many invitations.
 */
public record TemplateUse(String text, int senders, int invitations) { }
