package dev.wechatapi.archive.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The HTTP side of a delivery, against a local receiver: what is sent, and what a failure is recorded as. */
class WebhookSenderTest {

    private static final byte[] BODY = "{\"id\": 1}".getBytes(StandardCharsets.UTF_8);

    @Test
    void theBodyIsSentByteForByteWithTheSignatureHeaders() throws Exception {
        WebhookSender sender = new WebhookSender(AddressGuardTest.properties(true),
                new AddressGuard(AddressGuardTest.properties(true)));
        try (WebhookReceiver receiver = WebhookReceiver.start().answer(n -> 202)) {
            Attempt attempt = sender.post(URI.create(receiver.url()), request()).block(Duration.ofSeconds(10));

            assertThat(attempt).isEqualTo(new Attempt(202, null));
            WebhookReceiver.Received received = receiver.received().getFirst();
            assertThat(received.body()).isEqualTo(BODY);
            assertThat(received.header("X-Wechat-Signature")).isEqualTo("sha256=abc");
            assertThat(received.header("X-Wechat-Timestamp")).isEqualTo("1700000000");
            assertThat(received.header("X-Wechat-Delivery")).isEqualTo("42");
            assertThat(received.header("X-Wechat-Event")).isEqualTo("wechat.message.received.v1");
        } finally {
            sender.destroy();
        }
    }

    @Test
    void anAddressThatTurnedPrivateIsRefusedAtDeliveryWithTheReason() throws Exception {
        // The URL passed the check when it was set; now its host is a loopback address (DNS rebinding).
        WebhookSender sender = new WebhookSender(AddressGuardTest.properties(false),
                new AddressGuard(AddressGuardTest.properties(false)));
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            Attempt attempt = sender.post(URI.create(receiver.url()), request()).block(Duration.ofSeconds(10));
            Attempt byName = sender.post(URI.create(receiver.url().replace("127.0.0.1", "localhost")), request())
                    .block(Duration.ofSeconds(10));

            assertThat(attempt).isEqualTo(Attempt.failed("address refused: 127.0.0.1 is a loopback address"));
            assertThat(byName.statusCode()).isNull();
            assertThat(byName.error()).startsWith("address refused: ").endsWith(" is a loopback address");
            assertThat(receiver.received()).isEmpty();
        } finally {
            sender.destroy();
        }
    }

    @Test
    void aReceiverSlowerThanTheResponseTimeoutIsAFailedAttempt() {
        // response-timeout is 500ms in these properties.
        WebhookSender sender = new WebhookSender(AddressGuardTest.properties(true),
                new AddressGuard(AddressGuardTest.properties(true)));
        try (WebhookReceiver receiver = WebhookReceiver.start().delay(Duration.ofSeconds(3))) {
            long started = System.nanoTime();
            Attempt attempt = sender.post(URI.create(receiver.url()), request()).block(Duration.ofSeconds(10));

            assertThat(attempt).isEqualTo(Attempt.failed("no response within the response timeout"));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        } finally {
            sender.destroy();
        }
    }

    @Test
    void aClosedPortIsAFailedConnection() {
        WebhookSender sender = new WebhookSender(AddressGuardTest.properties(true),
                new AddressGuard(AddressGuardTest.properties(true)));
        String url;
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            url = receiver.url();
        }
        try {
            Attempt attempt = sender.post(URI.create(url), request()).block(Duration.ofSeconds(10));

            assertThat(attempt.statusCode()).isNull();
            assertThat(attempt.error()).startsWith("connection failed");
        } finally {
            sender.destroy();
        }
    }

    private static WebhookSender.WebhookRequest request() {
        return new WebhookSender.WebhookRequest(42, "wechat.message.received.v1", BODY, 1_700_000_000L, "sha256=abc");
    }
}
