package dev.wechatapi.archive.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wechatapi.archive.ArchiveServiceTest;
import dev.wechatapi.archive.TestEvents;
import dev.wechatapi.events.ContactsSnapshot;
import dev.wechatapi.events.Topics;
import dev.wechatapi.events.WeChatEvents;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class ContractErrorsTest extends ArchiveServiceTest {

    @Test
    void unknownRouteIsAnswered404InTheContractShape() {
        web.get().uri("/nothing/here").header("X-Wechat-App-Id", newAppId()).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.errmsg").isEqualTo("未找到。")
                .jsonPath("$.code").isEqualTo("not_found");
    }

    @Test
    void unsupportedMethodIsAnswered405InTheContractShape() {
        web.post().uri("/messages").header("X-Wechat-App-Id", newAppId()).exchange()
                .expectStatus().isEqualTo(405)
                .expectBody()
                .jsonPath("$.code").isEqualTo("method_not_allowed")
                .jsonPath("$.errmsg").value(message -> assertThat((String) message).contains("POST"));
    }

    @Test
    void malformedAppIdIsTreatedAsMissing() {
        web.get().uri("/messages").header("X-Wechat-App-Id", "' OR 1=1 --").exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.errmsg").isEqualTo("无效的身份信息!");
    }

    @Test
    void forwardedHeadersAndPrefixShapePageLinksAndMediaUrls() {
        String appId = newAppId();
        publish(Topics.CONTACTS, appId, WeChatEvents.contactsSnapshot(new ContactsSnapshot(appId, null, List.of(
                        TestEvents.friend("p1", "😀", null, 1, null, null),
                        TestEvents.friend("p2", "😀", null, 1, null, null)),
                Instant.parse("2024-01-01T00:00:00Z"))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> web.get().uri("/friends")
                .header("X-Wechat-App-Id", appId).exchange().expectBody().jsonPath("$.count").isEqualTo(2));

        // A URI object, so the already-encoded emoji is sent as it is.
        web.get().uri(URI.create("http://localhost:" + port + "/friends?page_size=1&nick_name=%F0%9F%98%80"))
                .header("X-Wechat-App-Id", appId)
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "gw.example.com")
                .header("X-Forwarded-Port", "8443")
                .header("X-Forwarded-Prefix", "/wechat")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.count").isEqualTo(2)
                .jsonPath("$.results[0].avatar").isEqualTo("https://gw.example.com:8443/wechat/media/avatar-p1")
                .jsonPath("$.next")
                .isEqualTo("https://gw.example.com:8443/wechat/friends?page_size=1&nick_name=%F0%9F%98%80&page=2");
    }
}
