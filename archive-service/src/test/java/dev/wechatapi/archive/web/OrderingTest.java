package dev.wechatapi.archive.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class OrderingTest {

    private static final Ordering MESSAGES = Ordering.of(
            Map.of("id", "msg_id", "create_time", "create_time"), "-create_time,-id", "msg_id", "direction");

    @Test
    void withoutAParameterTheDefaultOrderingIsCompletedByTheTieBreakers() {
        assertThat(MESSAGES.orderBy(params("/messages")))
                .isEqualTo("create_time DESC, msg_id DESC, direction DESC");
    }

    @Test
    void tieBreakersFollowTheDirectionOfTheLastRequestedKey() {
        assertThat(MESSAGES.orderBy(params("/messages?ordering=create_time")))
                .isEqualTo("create_time ASC, msg_id ASC, direction ASC");
        assertThat(MESSAGES.orderBy(params("/messages?ordering=-id,create_time")))
                .isEqualTo("msg_id DESC, create_time ASC, direction ASC");
    }

    @Test
    void anUnknownFieldIsRefusedNamingTheParameter() {
        assertThatThrownBy(() -> MESSAGES.orderBy(params("/messages?ordering=text;DROP TABLE messages")))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo("invalid_parameter");
                    assertThat(e.errmsg()).startsWith("ordering:");
                });
    }

    private static QueryParams params(String uri) {
        ServerHttpRequest request = MockServerHttpRequest.get(uri).build();
        return QueryParams.of(request);
    }
}
