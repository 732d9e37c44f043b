/**
 * Untrusted text made safe and measurable for terminals: {@link dev.invitriage.text.TerminalText}
 * neutralises controls and invisible characters, and {@link dev.invitriage.text.TextColumns}
 * measures, fits, pads and wraps the safe text in terminal columns, grapheme-aware. {@code UnicodeTables} holds the embedded width and emoji data.
 * {@link dev.invitriage.text.TerminalBytes} is what the stream terminals write for a cell.
 *
 * <p>May import the JDK only; used by the CLI tables and the UI alike.
 */
package dev.invitriage.text;
