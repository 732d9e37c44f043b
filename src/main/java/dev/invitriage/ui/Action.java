package dev.invitriage.ui;

import java.util.List;

/** Everything a key can do in the inbox list, with its default keys and its line in the help. */
public enum Action {
  DOWN("down", "j", "Down"),
  UP("up", "k", "Up"),
  PAGE_DOWN("page down", "PgDn"),
  PAGE_UP("page up", "PgUp"),
  HALF_DOWN("half page down", "Ctrl-d"),
  HALF_UP("half page up", "Ctrl-u"),
  TOP("first", "g", "Home"),
  BOTTOM("last", "G", "End"),
  DETAIL("zoom detail", "Enter"),
  ACCEPT("accept", "a"),
  IGNORE("ignore", "x"),
  LATER("later", "l"),
  PENDING("back to pending", "p"),
  IGNORE_OFFENDERS("ignore all offenders in view", "X"),
  UNDO("undo", "u"),
  REDO("redo", "Ctrl-r"),
  // Listed before NOTE: while a search is active, n means "next match".
  SEARCH_NEXT("next match (while searching)", "n"),
  SEARCH_PREV("previous match (searching)", "N"),
  NOTE("edit note", "n"),
  CLIENT("toggle client", "c"),
  CLIENTS("client list", "C"),
  SEARCH("search", "/"),
  NEXT_VIEW("next view", "Tab"),
  VIEW_1("Pending view", "1"),
  VIEW_2("Offenders view", "2"),
  VIEW_3("Personal view", "3"),
  VIEW_4("Clients view", "4"),
  VIEW_5("Decided view", "5"),
  VIEW_6("Outgoing view", "6"),
  VIEW_7("All view", "7"),
  SORT("cycle sort", "s"),
  MARK("mark and move down", "Space"),
  MARK_RANGE("mark range", "V"),
  MARK_ALL("mark all in view", "*"),
  CLEAR("clear search/marks", "Esc"),
  EXPORT("export view", "e"),
  PROFILE("open profile on LinkedIn", "o"),
  INVITATION_MANAGER("LinkedIn invitation manager", "O"),
  STATS("stats screen", "S"),
  HELP("help", "?", "F1"),
  QUIT("quit", "q", "Ctrl-c");

  private final String description;
  private final List<String> defaults;

  Action(String description, String... defaults) {
    this.description = description;
    this.defaults = List.of(defaults);
  }

  public String description() {
    return description;
  }

  public List<String> defaultKeys() {
    return defaults;
  }

  /** The name used in keys.properties: {@code ACCEPT} → {@code accept}, {@code PAGE_DOWN} → {@code page-down}. */
  public String configName() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
