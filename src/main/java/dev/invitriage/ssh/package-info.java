/**
 * {@code invitriage serve}: the inbox over SSH, on Apache MINA SSHD. {@link
 * dev.invitriage.ssh.TriageServer} sets the server up (public keys only, nothing else offered);
 * {@link dev.invitriage.ssh.AuthorizedKeys} and {@link dev.invitriage.ssh.KeyAuthenticator} decide
 * who gets in (with failures slowed down); {@link dev.invitriage.ssh.HostKey} keeps the server's
 * ed25519 key; {@link dev.invitriage.ssh.ChannelTerminal} turns a channel into a Lanterna terminal
 * and knows nothing of the app; {@link dev.invitriage.ssh.ShellSession} runs the inbox on it and
 * {@link dev.invitriage.ssh.ExecSession} runs an allowed command through an {@link
 * dev.invitriage.ssh.ExecRunner}.
 *
 * <p>May import {@code ui}, {@code app}, {@code domain}, {@code text}, MINA SSHD and Lanterna; the
 * only package that sees MINA. Never touches the process's streams.
 */
package dev.invitriage.ssh;
