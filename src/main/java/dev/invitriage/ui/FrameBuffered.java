package dev.invitriage.ui;

/**
 * A terminal that can hold back what a frame writes until the frame's flush (see {@link
 * FrameOutput}); the screen asks it to before each frame.
 */
public interface FrameBuffered {
  void holdUntilFlush();
}
