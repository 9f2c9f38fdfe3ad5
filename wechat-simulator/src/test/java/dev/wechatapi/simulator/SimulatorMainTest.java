package dev.wechatapi.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SimulatorMainTest {

    @Test
    void optionsOverrideTheStandaloneDefaults() {
        SimulatorConfig config = SimulatorMain.parse(new String[] {"--port", "9000", "--login-poll-hold=500ms",
                "--qr-lifetime", "2m", "--contact-page-size", "50"});

        assertThat(config.port()).isEqualTo(9000);
        assertThat(config.host()).isEqualTo("0.0.0.0");
        assertThat(config.loginPollHold()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.syncCheckHold()).isEqualTo(Duration.ofSeconds(25));
        assertThat(config.qrLifetime()).isEqualTo(Duration.ofMinutes(2));
        assertThat(config.contactPageSize()).isEqualTo(50);
    }

    @Test
    void unknownOptionsAreRejected() {
        assertThatThrownBy(() -> SimulatorMain.parse(new String[] {"--colour", "red"})).hasMessageContaining("--colour");
    }
}
