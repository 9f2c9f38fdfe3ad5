package dev.wechatapi.session.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class GatewayBaseTest {

    @Test
    void theGatewaysForwardedHeadersMakeTheBaseAndADefaultPortIsLeftOut() {
        MockServerHttpRequest request = MockServerHttpRequest.get("http://10.0.0.5:8081/send-message")
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "api.example.com")
                .header("X-Forwarded-Port", "443").header("X-Forwarded-Prefix", "/wx/").build();

        assertThat(GatewayBase.of(request).resolve("/media/abc")).isEqualTo("https://api.example.com/wx/media/abc");
    }

    @Test
    void aNonDefaultPortIsKeptUnlessTheHostAlreadyNamesOne() {
        MockServerHttpRequest withPort = MockServerHttpRequest.get("http://10.0.0.5:8081/send-message")
                .header("X-Forwarded-Proto", "http").header("X-Forwarded-Host", "gateway")
                .header("X-Forwarded-Port", "8080").build();
        MockServerHttpRequest hostWithPort = MockServerHttpRequest.get("http://10.0.0.5:8081/send-message")
                .header("X-Forwarded-Proto", "http, https").header("X-Forwarded-Host", "gateway:9000")
                .header("X-Forwarded-Port", "8080").build();

        assertThat(GatewayBase.of(withPort).value()).isEqualTo("http://gateway:8080");
        assertThat(GatewayBase.of(hostWithPort).value()).isEqualTo("http://gateway:9000");
    }

    @Test
    void withoutForwardedHeadersItIsThisServicesOwnOrigin() {
        MockServerHttpRequest direct = MockServerHttpRequest.get("http://localhost:8081/send-message").build();

        assertThat(GatewayBase.of(direct).value()).isEqualTo("http://localhost:8081");
    }
}
