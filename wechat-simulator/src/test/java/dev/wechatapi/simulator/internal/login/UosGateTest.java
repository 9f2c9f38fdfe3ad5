package dev.wechatapi.simulator.internal.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class UosGateTest {

    @Test
    void extspamIsThePublishedBlob() {
        byte[] decoded = Base64.getDecoder().decode(UosGate.EXTSPAM);

        assertThat(UosGate.EXTSPAM).hasSize(880).startsWith("Go8FCIkFEokFCggwMDAwMDAwMRAG");
        assertThat(decoded).hasSize(658);
        assertThat(new String(decoded, StandardCharsets.ISO_8859_1)).contains("00000001");
    }

    @Test
    void requiredGateAdmitsOnlyTheExactBlob() {
        var gate = new UosGate(true);

        assertThat(gate.admits(UosGate.EXTSPAM)).isTrue();
        assertThat(gate.admits(null)).isFalse();
        assertThat(gate.admits(UosGate.EXTSPAM.substring(1))).isFalse();
        gate.require(false);
        assertThat(gate.admits(null)).isTrue();
    }
}
