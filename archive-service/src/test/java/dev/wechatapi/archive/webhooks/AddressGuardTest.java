package dev.wechatapi.archive.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressGuardTest {

    private final AddressGuard guard = new AddressGuard(properties(false));

    @ParameterizedTest
    @CsvSource({
        "127.0.0.1, loopback", "127.255.0.9, loopback", "::1, loopback",
        "10.0.0.1, private", "172.16.0.1, private", "172.31.255.255, private", "192.168.0.1, private",
        "100.64.0.1, private (shared address space)", "fd12:3456::1, private", "fc00::1, private",
        "fec0::1, private",
        "169.254.169.254, link-local", "fe80::1, link-local",
        "224.0.0.251, multicast", "ff02::1, multicast",
        "0.0.0.0, unspecified", "::, unspecified",
        "255.255.255.255, reserved", "192.0.2.1, reserved", "2001:db8::1, reserved"})
    void nonPublicAddressesAreRefused(String address, String kind) throws Exception {
        assertThat(guard.refusal(InetAddress.getByName(address))).endsWith(" " + kind + " address");
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "172.32.0.1", "93.184.215.14", "2606:4700:4700::1111", "2a00:1450:4001::200e"})
    void publicAddressesPass(String address) throws Exception {
        assertThat(guard.refusal(InetAddress.getByName(address))).isNull();
    }

    @Test
    void ipv4EmbeddedInIpv6IsJudgedAsTheIpv4AddressItReaches() {
        // Built from bytes: InetAddress.getByName would turn a mapped address into an IPv4 one by itself.
        assertThat(AddressGuard.kindOf(ipv6(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 127, 0, 0, 1)))
                .isEqualTo("loopback");
        assertThat(AddressGuard.kindOf(ipv6(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 10, 0, 0, 1)))
                .isEqualTo("private");
        assertThat(AddressGuard.kindOf(ipv6(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 192, 168, 1, 1))).isEqualTo("private");
        assertThat(AddressGuard.kindOf(ipv6(0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0, 169, 254, 169, 254)))
                .isEqualTo("link-local");
        assertThat(AddressGuard.kindOf(ipv6(0x20, 0x02, 127, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1)))
                .isEqualTo("loopback");
        assertThat(AddressGuard.kindOf(ipv6(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 8, 8, 8, 8))).isNull();
    }

    @Test
    void theOperatorMayAllowEveryAddress() throws Exception {
        AddressGuard allowing = new AddressGuard(properties(true));
        assertThat(allowing.refusal(InetAddress.getByName("127.0.0.1"))).isNull();
        assertThat(allowing.refusal(InetAddress.getByName("fe80::1"))).isNull();
    }

    static WebhookProperties properties(boolean allowPrivate) {
        return new WebhookProperties(URI.create("http://localhost:8080"), allowPrivate, true, Duration.ofSeconds(1),
                Duration.ofMillis(500), Duration.ofSeconds(1), 2, Duration.ofMinutes(10), 8, 4, 64,
                Duration.ofSeconds(1), Duration.ofMinutes(1));
    }

    private static byte[] ipv6(int... bytes) {
        byte[] address = new byte[16];
        for (int i = 0; i < 16; i++) {
            address[i] = (byte) bytes[i];
        }
        return address;
    }
}
