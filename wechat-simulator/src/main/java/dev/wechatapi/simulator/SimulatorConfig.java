package dev.wechatapi.simulator;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link WeChatSimulator} behaves. Start from {@link #defaults()} (the real server's timings) or
 * {@link #forTests()} (short holds so long polls do not slow a test suite down) and adjust with the withers.
 *
 * @param host address to bind ("127.0.0.1", or "0.0.0.0" to listen on every interface)
 * @param port port to bind, 0 for any free one
 * @param loginPollHold how long the scan-status poll holds before answering 408 (real: about 25 s)
 * @param syncCheckHold how long synccheck holds before answering selector 0 (real: about 25 s)
 * @param qrLifetime how long a QR code can be scanned before the login poll answers 400
 * @param contactPageSize how many contacts one webwxgetcontact page carries
 * @param publicBaseUrl origin to put in redirect_uri; null to use the Host header the client sent
 * @param revokeWindow how long after sending a message {@code webwxrevokemsg} may take it back (real: 2 minutes)
 * @param requireExtspam the UOS gate: logins without the UOS {@code extspam} header answer ret 1203 (as for accounts
 *     that may only log in as the UOS desktop client)
 */
public record SimulatorConfig(
        String host,
        int port,
        Duration loginPollHold,
        Duration syncCheckHold,
        Duration qrLifetime,
        int contactPageSize,
        URI publicBaseUrl,
        Duration revokeWindow,
        boolean requireExtspam) {

    public SimulatorConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(loginPollHold, "loginPollHold");
        Objects.requireNonNull(syncCheckHold, "syncCheckHold");
        Objects.requireNonNull(qrLifetime, "qrLifetime");
        Objects.requireNonNull(revokeWindow, "revokeWindow");
        if (contactPageSize < 1) {
            throw new IllegalArgumentException("contactPageSize must be at least 1");
        }
    }

    /** The configuration before {@code revokeWindow} and {@code requireExtspam} existed: two minutes, no UOS gate. */
    public SimulatorConfig(String host, int port, Duration loginPollHold, Duration syncCheckHold, Duration qrLifetime,
            int contactPageSize, URI publicBaseUrl) {
        this(host, port, loginPollHold, syncCheckHold, qrLifetime, contactPageSize, publicBaseUrl, Duration.ofMinutes(2),
                false);
    }

    public static SimulatorConfig defaults() {
        return new SimulatorConfig("127.0.0.1", 0, Duration.ofSeconds(25), Duration.ofSeconds(25), Duration.ofMinutes(5), 200,
                null);
    }

    /** Defaults with one-second long polls. */
    public static SimulatorConfig forTests() {
        return defaults().withLoginPollHold(Duration.ofSeconds(1)).withSyncCheckHold(Duration.ofSeconds(1));
    }

    public SimulatorConfig withHost(String newHost) {
        return new SimulatorConfig(newHost, port, loginPollHold, syncCheckHold, qrLifetime, contactPageSize,
                publicBaseUrl, revokeWindow, requireExtspam);
    }

    public SimulatorConfig withPort(int newPort) {
        return new SimulatorConfig(host, newPort, loginPollHold, syncCheckHold, qrLifetime, contactPageSize,
                publicBaseUrl, revokeWindow, requireExtspam);
    }

    public SimulatorConfig withLoginPollHold(Duration hold) {
        return new SimulatorConfig(host, port, hold, syncCheckHold, qrLifetime, contactPageSize,
                publicBaseUrl, revokeWindow, requireExtspam);
    }

    public SimulatorConfig withSyncCheckHold(Duration hold) {
        return new SimulatorConfig(host, port, loginPollHold, hold, qrLifetime, contactPageSize,
                publicBaseUrl, revokeWindow, requireExtspam);
    }

    public SimulatorConfig withQrLifetime(Duration lifetime) {
        return new SimulatorConfig(host, port, loginPollHold, syncCheckHold, lifetime, contactPageSize,
                publicBaseUrl, revokeWindow, requireExtspam);
    }

    public SimulatorConfig withContactPageSize(int pageSize) {
        return new SimulatorConfig(host, port, loginPollHold, syncCheckHold, qrLifetime, pageSize,
                publicBaseUrl, revokeWindow, requireExtspam);
    }

    public SimulatorConfig withPublicBaseUrl(URI url) {
        return new SimulatorConfig(host, port, loginPollHold, syncCheckHold, qrLifetime, contactPageSize,
                url, revokeWindow, requireExtspam);
    }

    public SimulatorConfig withRevokeWindow(Duration window) {
        return new SimulatorConfig(host, port, loginPollHold, syncCheckHold, qrLifetime, contactPageSize,
                publicBaseUrl, window, requireExtspam);
    }

    public SimulatorConfig withRequireExtspam(boolean required) {
        return new SimulatorConfig(host, port, loginPollHold, syncCheckHold, qrLifetime, contactPageSize,
                publicBaseUrl, revokeWindow, required);
    }
}
