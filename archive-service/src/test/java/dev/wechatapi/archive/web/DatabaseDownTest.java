package dev.wechatapi.archive.web;

import dev.wechatapi.testsupport.TestKafka;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The archive with its database gone: reads answer 503 with Retry-After, in the contract's shape. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.flyway.enabled=false", "spring.kafka.listener.auto-startup=false",
            "wechat.archive.retry-after=7s"})
class DatabaseDownTest {

    @Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void unreachableDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.r2dbc.url", () -> "r2dbc:mysql://127.0.0.1:" + closedPort() + "/wechat_archive");
        registry.add("spring.kafka.bootstrap-servers", TestKafka::bootstrapServers);
    }

    @Test
    void readsAreAnswered503WithRetryAfterWhileTheDatabaseIsDown() {
        WebTestClient web = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();
        for (String uri : new String[] {"/friends", "/messages?type=Text"}) {
            web.get().uri(uri).header("X-Wechat-App-Id", "0123456789abcdef0123456789abcdef").exchange()
                    .expectStatus().isEqualTo(503)
                    .expectHeader().valueEquals("Retry-After", "7")
                    .expectBody()
                    .jsonPath("$.code").isEqualTo("service_unavailable")
                    .jsonPath("$.errmsg").isNotEmpty();
        }
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
