/**
 * The use cases shared by the command line, the full-screen UI and the SSH server: {@link
 * dev.invitriage.app.App} opens a store with the user's settings and offers import, listing,
 * decisions, notes, clients, export and statistics.
 *
 * <p>May import {@code domain}, {@code classify}, {@code formats} and {@code store} (only to open
 * it: everything else goes through {@link dev.invitriage.domain.InboxRepository}).
 */
package dev.invitriage.app;
