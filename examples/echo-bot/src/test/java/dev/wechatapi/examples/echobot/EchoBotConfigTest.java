package dev.wechatapi.examples.echobot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EchoBotConfigTest {

    @Test
    void theEnvironmentConfiguresTheBotAndDefaultsFillTheRest() {
        EchoBotConfig config = EchoBotConfig.from(List.of(),
                Map.of("WECHAT_APP_ID", "app1", "WECHAT_APP_SECRET", "secret1"));

        assertThat(config).isEqualTo(new EchoBotConfig("localhost:9092", URI.create("http://localhost:8080"), "app1",
                "secret1", "echo-bot-app1"));
    }

    @Test
    void argumentsWinOverTheEnvironment() {
        EchoBotConfig config = EchoBotConfig.from(
                List.of("--bootstrap-servers=kafka:9093", "--gateway-url=https://gw.example", "--app-id=app2",
                        "--app-secret=s=cret", "--group-id=bots"),
                Map.of("WECHAT_APP_ID", "app1", "WECHAT_APP_SECRET", "secret1",
                        "WECHAT_KAFKA_BOOTSTRAP_SERVERS", "other:9092"));

        assertThat(config).isEqualTo(new EchoBotConfig("kafka:9093", URI.create("https://gw.example"), "app2",
                "s=cret", "bots"));
    }

    @Test
    void aMissingSecretOrAnUnknownArgumentIsRefusedByName() {
        assertThatThrownBy(() -> EchoBotConfig.from(List.of("--app-id=app1"), Map.of()))
                .hasMessageContaining("--app-secret").hasMessageContaining("WECHAT_APP_SECRET");
        assertThatThrownBy(() -> EchoBotConfig.from(List.of("--app-id=a", "--app-secret=b", "--verbose"), Map.of()))
                .hasMessageContaining("--verbose");
    }

    @Test
    void theSecretIsNotPrinted() {
        EchoBotConfig config = EchoBotConfig.from(List.of("--app-id=app1", "--app-secret=hush"), Map.of());

        assertThat(config.toString()).doesNotContain("hush").contains("app1");
    }
}
