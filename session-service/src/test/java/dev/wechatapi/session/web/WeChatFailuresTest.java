package dev.wechatapi.session.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wechatapi.session.SessionProperties;
import dev.wechatapi.wechat.WeChatException;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

class WeChatFailuresTest {

    private final WeChatFailures failures = new WeChatFailures(new SessionProperties(null, ZoneId.of("UTC"), 6,
            Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(10),
            Duration.ofSeconds(30), new SessionProperties.Send(1, 5, 20, Duration.ofSeconds(60), Duration.ofMinutes(15),
                    DataSize.ofMegabytes(20)), new SessionProperties.Http(10, Duration.ofMinutes(5)),
            new SessionProperties.Media(DataSize.ofMegabytes(50), Duration.ofSeconds(30), 4, 8,
                    Duration.ofMinutes(10)),
                new SessionProperties.Ownership("owners", Duration.ofSeconds(10), Duration.ofSeconds(3),
                        Duration.ofSeconds(25))));

    @Test
    void aDriverThatCannotSendAKindIsTheClientsUnsupportedMessageTypeNotABadGateway() {
        ApiException error = failures.toApi(new WeChatException.Unsupported("this driver cannot send videos"));

        assertThat(error.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(error.code()).isEqualTo("unsupported_message_type");
    }

    @Test
    void mediaWeChatNoLongerHasIsNotFound() {
        ApiException error = failures.toApi(new WeChatException.MediaUnavailable("expired"));

        assertThat(error.status()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(error.code()).isEqualTo("media_unavailable");
    }

    @Test
    void anAnswerNobodyUnderstandsStaysABadGateway() {
        ApiException error = failures.toApi(new WeChatException.ProtocolError("garbled", null));

        assertThat(error.status()).isEqualTo(HttpStatus.BAD_GATEWAY);
        assertThat(error.code()).isEqualTo("wechat_error");
    }
}
