package dev.wechatapi.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class AllInOneOptionsTest {

  @Test
  void noOptionsGiveTheDefaultsOfADeveloperMachine() {
    AllInOneOptions options = AllInOneOptions.parse(List.of());

    assertThat(options.gatewayPort()).isEqualTo(8080);
    assertThat(options.simulatorPort()).isEqualTo(8090);
    assertThat(options.simulator()).isTrue();
    assertThat(options.dataDirectory()).isEqualTo(Path.of("data", "all-in-one"));
    assertThat(options.dbHost() + ":" + options.dbPort()).isEqualTo("127.0.0.1:3306");
    assertThat(options.gatewayDatabase()).isEqualTo("wechat_gateway");
    assertThat(options.archiveDatabase()).isEqualTo("wechat_archive");
    assertThat(options.redisHost() + ":" + options.redisPort()).isEqualTo("127.0.0.1:6379");
  }

  @Test
  void everyOptionChangesOnlyItsOwnSetting() {
    AllInOneOptions options = AllInOneOptions.parse(List.of("--gateway-port", "9080", "--simulator-port", "9090",
        "--real-wechat", "--data-dir", "/tmp/x", "--db-host", "db", "--db-port", "3307", "--db-user", "u",
        "--db-password", "p", "--gateway-database", "g", "--archive-database", "a", "--redis-host", "r",
        "--redis-port", "6380"));

    assertThat(options).isEqualTo(new AllInOneOptions(9080, 9090, false, Path.of("/tmp/x"), "db", 3307, "u", "p",
        "g", "a", "r", 6380));
  }

  @Test
  void badOptionsAreNamedInTheError() {
    assertThatThrownBy(() -> AllInOneOptions.parse(List.of("--gateway-port", "http")))
        .hasMessage("--gateway-port must be a port number (1-65535), got: http");
    assertThatThrownBy(() -> AllInOneOptions.parse(List.of("--redis-port", "70000")))
        .hasMessageContaining("--redis-port must be a port number");
    assertThatThrownBy(() -> AllInOneOptions.parse(List.of("--archive-database", "x; drop")))
        .hasMessageContaining("--archive-database must be a database name");
    assertThatThrownBy(() -> AllInOneOptions.parse(List.of("--data-dir")))
        .hasMessage("--data-dir needs a value");
    assertThatThrownBy(() -> AllInOneOptions.parse(List.of("--verbose")))
        .hasMessage("unknown option --verbose");
  }
}
