package dev.invitriage.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The server's address and idle timeout read the same from the settings and from serve's flags. */
class ServeValuesTest {
  @TempDir Path home;

  Settings withEnvironment(String name, String value) {
    return Settings.load(Map.of("HOME", home.toString(), "XDG_CONFIG_HOME", home.resolve("config").toString(), name, value));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "2300               | 127.0.0.1 | 2300",
      ":2300              | 127.0.0.1 | 2300",
      "0.0.0.0:2222       | 0.0.0.0   | 2222",
      "[::1]:22           | ::1       | 22",
      "example.org:0      | example.org | 0",
  })
  void anAddressTheSettingTakesIsTheOneTheFlagTakes(String given, String host, int port) {
    InetSocketAddress a = ServeValues.address(given);
    assertThat(a.getHostString()).isEqualTo(host);
    assertThat(a.getPort()).isEqualTo(port);
    assertThat(withEnvironment("INVITRIAGE_SERVE_LISTEN", given).get("serve.listen")).isEqualTo(given);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"here:99999", "70000", "host", "1.2.3.4:", "[::1]"})
  void anAddressNeitherTakes(String given) {
    assertThat(ServeValues.address(given)).isNull();
    assertThatThrownBy(() -> withEnvironment("INVITRIAGE_SERVE_LISTEN", given)).isInstanceOf(Settings.BadSetting.class)
        .hasMessageContaining("serve.listen");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"90s | PT1M30S", "30m | PT30M", "30M | PT30M", "2h | PT2H", "1d | PT24H"})
  void aTimeoutTheSettingTakesIsTheOneTheFlagTakes(String given, Duration expected) {
    assertThat(ServeValues.duration(given)).isEqualTo(expected);
    assertThat(withEnvironment("INVITRIAGE_SERVE_IDLE_TIMEOUT", given).get("serve.idle-timeout")).isEqualTo(given);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"0m", "30", "m", "1w", "-5m", "1234567s"})
  void aTimeoutNeitherTakes(String given) {
    assertThat(ServeValues.duration(given)).isNull();
    assertThatThrownBy(() -> withEnvironment("INVITRIAGE_SERVE_IDLE_TIMEOUT", given)).isInstanceOf(Settings.BadSetting.class)
        .hasMessageContaining("serve.idle-timeout");
  }
}
