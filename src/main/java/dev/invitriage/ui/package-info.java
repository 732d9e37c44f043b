/**
 * The full-screen inbox: {@link dev.invitriage.ui.InboxUi} runs it on any Lanterna terminal it is
 * handed (a local tty, an SSH channel, a virtual terminal in tests). {@link
 * dev.invitriage.ui.ScreenModel} holds the state, {@link dev.invitriage.ui.Renderer} draws it,
 * {@link dev.invitriage.ui.KeyMap} maps keys to {@link dev.invitriage.ui.Action}s and {@link
 * dev.invitriage.ui.Theme} holds every colour. Overlays (help, prompts, confirmations, the note
 * editor, the client list) implement {@link dev.invitriage.ui.Overlay}.
 *
 * <p>May import {@code app}, {@code domain}, {@code text} and Lanterna. Never creates a terminal
 * and never touches the process's streams.
 */
package dev.invitriage.ui;
