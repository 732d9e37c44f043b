package dev.invitriage.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.invitriage.app.App;
import dev.invitriage.app.View;
import dev.invitriage.domain.Decision;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A renderer that keeps the rows it drew draws every frame exactly as a fresh one does. */
class RendererTest {
  @TempDir Path dir;

  @Test
  void keptRowsDrawWhatDrawingThemAfreshDraws() throws IOException {
    Path store = dir.resolve("inbox.db");
    UiDriver.importSample(store);
    try (App app = UiDriver.openApp(store)) {
      UiSettings settings = UiDriver.settings(KeyMap.defaults(), Theme.bundled("dark"), dir);
      ScreenModel m = new ScreenModel(app, settings);
      Renderer keeping = new Renderer(settings.theme(), settings.zone());
      Random random = new Random(17);
      TerminalSize[] sizes = {new TerminalSize(140, 30), new TerminalSize(80, 24), new TerminalSize(100, 40)};
      for (int step = 0; step < 600; step++) {
        switch (random.nextInt(12)) {
          case 0, 1, 2 -> m.moveBy(1);
          case 3 -> m.moveBy(-1);
          case 4 -> m.moveBy(random.nextBoolean() ? 20 : -20);
          case 5 -> m.moveTo(random.nextBoolean() ? 0 : m.size() - 1);
          case 6 -> m.toggleMark();
          case 7 -> m.decideCurrent(Decision.values()[random.nextInt(Decision.values().length)]);
          case 8 -> m.switchView(View.values()[random.nextInt(View.values().length)]);
          case 9 -> m.undo();
          case 10 -> m.cycleSort();
          default -> m.markAll();
        }
        TerminalSize size = sizes[(step / 50) % sizes.length];
        Canvas a = draw(keeping, m, size);
        Canvas b = draw(new Renderer(settings.theme(), settings.zone()), m, size);
        for (int y = 0; y < size.getRows(); y++) {
          Canvas.Cells got = a.cells(0, y, size.getColumns());
          Canvas.Cells want = b.cells(0, y, size.getColumns());
          assertThat(got.cells()).as("step %d row %d", step, y).isEqualTo(want.cells());
          assertThat(Arrays.equals(got.wide(), want.wide())).as("step %d row %d widths", step, y).isTrue();
        }
      }
    }
  }

  private static Canvas draw(Renderer r, ScreenModel m, TerminalSize size) throws IOException {
    Canvas c = new Canvas(new TerminalScreen(new DefaultVirtualTerminal(size)));
    c.begin(size, true);
    r.draw(m, c);
    return c;
  }
}
