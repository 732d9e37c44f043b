package dev.invitriage.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import org.junit.jupiter.api.Test;

class LineEditorTest {
  private static void type(LineEditor e, String s) {
    s.chars().forEach(ch -> assertThat(e.edit(new KeyStroke((char) ch, false, false))).isTrue());
  }

  private static void key(LineEditor e, KeyType k, int times) {
    for (int i = 0; i < times; i++) {
      assertThat(e.edit(new KeyStroke(k))).isTrue();
    }
  }

  @Test
  void theCursorMovesAndTextGoesInAndOutWhereItIs() {
    LineEditor e = new LineEditor("Bad Url");
    key(e, KeyType.ArrowLeft, 3);
    type(e, "X");
    assertThat(e.text()).isEqualTo("Bad XUrl");
    key(e, KeyType.Backspace, 1);
    key(e, KeyType.Delete, 1);
    assertThat(e.text()).isEqualTo("Bad rl");
    key(e, KeyType.Home, 1);
    type(e, "A ");
    key(e, KeyType.End, 1);
    type(e, "!");
    assertThat(e.text()).isEqualTo("A Bad rl!");
    assertThat(e.edit(new KeyStroke('u', true, false))).isTrue();
    assertThat(e.text()).isEmpty();
  }

  @Test
  void keysThatAreNotEditingAreLeftToTheCaller() {
    LineEditor e = new LineEditor("x");
    assertThat(e.edit(new KeyStroke(KeyType.Enter))).isFalse();
    assertThat(e.edit(new KeyStroke(KeyType.Escape))).isFalse();
    assertThat(e.edit(new KeyStroke('s', true, false))).isFalse();
    assertThat(e.text()).isEqualTo("x");
  }

  @Test
  void aSurrogatePairIsOneStepAndTheShownWindowKeepsTheCursorInView() {
    LineEditor e = new LineEditor("a😀b");
    key(e, KeyType.ArrowLeft, 2);
    key(e, KeyType.Backspace, 1);
    assertThat(e.text()).isEqualTo("😀b"); // two steps left passed b and the emoji, one each
    LineEditor longLine = new LineEditor("0123456789abcdefghij");
    assertThat(longLine.shown(10)).endsWith("ij");
    assertThat(longLine.cursorColumn(10)).isLessThan(10);
    key(longLine, KeyType.Home, 1);
    assertThat(longLine.shown(10)).isEqualTo("0123456789");
    assertThat(longLine.cursorColumn(10)).isZero();
  }
}
