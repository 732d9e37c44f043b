package dev.invitriage.ui;

import dev.invitriage.app.Locations;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;

/**
 * Everything the UI needs besides the store and the terminal.
 *
 * @param workingDir where exports go by default
 * @param zone the time zone decision times are shown in
 * @param who who is using this screen, shown in the status bar (empty on the local terminal)
 * @param writesFiles whether the export key may write files here; false over SSH, where the files
 *     would land on the server (remote users export with {@code ssh HOST export} instead)
 * @param exportFormat the format the export key offers first: csv or json (the export.format setting)
 * @param onFrame called on the UI thread after every frame reaches the terminal (after each
 *     screen refresh): a hook for measurements ({@code make bench} times keys by it); a no-op by default
 * @param links how the profile and invitation-manager keys lead to LinkedIn: a browser here, the
 *     client's clipboard over SSH
 */
public record UiSettings(Theme theme, KeyMap keys, Path workingDir, ZoneId zone, Clock clock, String who,
    boolean writesFiles, Runnable onFrame, String exportFormat, Links links) {

  public UiSettings {
    who = who == null ? "" : who;
    onFrame = onFrame == null ? () -> { } : onFrame;
    exportFormat = exportFormat == null ? "csv" : exportFormat;
    links = links == null ? Links.NONE : links;
  }

  /** Settings for the local terminal: nobody named, exports written to files, no links opened. */
  public UiSettings(Theme theme, KeyMap keys, Path workingDir, ZoneId zone, Clock clock) {
    this(theme, keys, workingDir, zone, clock, "", true, () -> { }, "csv", Links.NONE);
  }

  /** These settings for a remote user: {@code who} in the status bar, no files written, links as given. */
  public UiSettings remote(String who, Links links) {
    return new UiSettings(theme, keys, workingDir, zone, clock, who, false, onFrame, exportFormat, links);
  }

  /** These settings with {@code onFrame} called after every frame. */
  public UiSettings withOnFrame(Runnable onFrame) {
    return new UiSettings(theme, keys, workingDir, zone, clock, who, writesFiles, onFrame, exportFormat, links);
  }

  /** These settings with the export key offering {@code format} (csv or json) first. */
  public UiSettings withExportFormat(String format) {
    return new UiSettings(theme, keys, workingDir, zone, clock, who, writesFiles, onFrame, format, links);
  }

  /** These settings with links opened by {@code links}. */
  public UiSettings withLinks(Links links) {
    return new UiSettings(theme, keys, workingDir, zone, clock, who, writesFiles, onFrame, exportFormat, links);
  }

  /** The file key bindings are read from. */
  public static Path keysFile(Locations locations) {
    return locations.configDir().resolve("keys.properties");
  }

  /**
   * Loads the theme ({@code --theme NAME|PATH}, else mono under {@code NO_COLOR}, else dark) and
   * the key bindings; a bad file throws a one-line BAD_INPUT error before any screen opens.
   */
  public static UiSettings load(Map<String, String> env, String themeOption, Path workingDir, Clock clock) {
    Locations locations = new Locations(env);
    String noColor = env.get("NO_COLOR");
    boolean mono = noColor != null && !noColor.isEmpty();
    Theme theme = themeOption != null ? Theme.load(themeOption) : Theme.bundled(mono ? "mono" : "dark");
    if (mono && themeOption != null) {
      // NO_COLOR wins over a colour theme: the user asked for no colour anywhere.
      theme = Theme.bundled("mono");
    }
    KeyMap keys = KeyMap.load(keysFile(locations));
    return new UiSettings(theme, keys, workingDir, ZoneId.systemDefault(), clock).withLinks(Links.browser(env));
  }
}
