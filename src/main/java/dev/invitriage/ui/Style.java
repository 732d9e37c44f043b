package dev.invitriage.ui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import java.util.EnumSet;
import java.util.Set;

/** How one kind of cell is drawn: foreground, background and SGR modifiers. */
public record Style(TextColor fg, TextColor bg, Set<SGR> sgr) {
  /** The terminal's own colours, no modifiers. */
  public static final Style PLAIN = new Style(TextColor.ANSI.DEFAULT, TextColor.ANSI.DEFAULT, Set.of());

  public Style {
    sgr = sgr.isEmpty() ? Set.of() : Set.copyOf(sgr);
  }

  public EnumSet<SGR> sgrSet() {
    return sgr.isEmpty() ? EnumSet.noneOf(SGR.class) : EnumSet.copyOf(sgr);
  }

  public Style withSgr(SGR extra) {
    EnumSet<SGR> s = sgrSet();
    s.add(extra);
    return new Style(fg, bg, s);
  }
}
