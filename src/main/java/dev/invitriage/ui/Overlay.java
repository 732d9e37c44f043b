package dev.invitriage.ui;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.input.KeyStroke;

/** Something drawn over the inbox that takes the keys while it is open: help, a prompt, an editor. */
interface Overlay {
  /** Handles one key; returns false when the overlay is done and should close. */
  boolean handle(KeyStroke key);

  /** Draws itself over what is already on the canvas. */
  void draw(Canvas canvas, Theme theme);

  /** True once the overlay closed itself from a nested overlay (a confirmation it opened). */
  default boolean finished() {
    return false;
  }

  /** Where the text cursor should blink, or null for none. */
  default TerminalPosition cursor(Canvas canvas) {
    return null;
  }
}
