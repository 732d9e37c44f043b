package dev.invitriage.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How an exec request's command line is split into words. */
class ExecSessionTest {
  @Test
  void wordsAreSplitAsAShellWould() {
    assertThat(ExecSession.words("list --search 'Dana W' --format  json")).containsExactly("list", "--search", "Dana W", "--format", "json");
    assertThat(ExecSession.words("list --search \"say \\\"hi\\\"\"")).containsExactly("list", "--search", "say \"hi\"");
    assertThat(ExecSession.words("list --search Dana\\ W")).containsExactly("list", "--search", "Dana W");
    assertThat(ExecSession.words("  ")).isEqualTo(List.of());
  }

  @Test
  void anUnbalancedQuoteIsNoCommandLine() {
    assertThat(ExecSession.words("list --search 'Dana")).isNull();
  }
}
