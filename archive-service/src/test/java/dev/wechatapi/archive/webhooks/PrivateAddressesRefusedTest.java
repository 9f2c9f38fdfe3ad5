package dev.wechatapi.archive.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wechatapi.archive.ArchiveServiceTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The archive as deployed: webhooks may not target the networks behind it. Its own application context (no
 * delivery worker, so it leaves the shared context's deliveries alone), closed afterwards.
 */
@TestPropertySource(properties = {
    "wechat.archive.webhooks.allow-private-addresses=false",
    "wechat.archive.webhooks.delivery-enabled=false"})
@DirtiesContext
class PrivateAddressesRefusedTest extends ArchiveServiceTest {

    @Test
    void urlsOfNonPublicAddressesAreRefusedWithTheReason() {
        Map<String, String> refused = Map.of(
                "http://127.0.0.1:8080/hook", "127.0.0.1 is a loopback address",
                "http://localhost/hook", "is a loopback address",
                "https://10.1.2.3/hook", "10.1.2.3 is a private address",
                "https://192.168.1.20/hook", "192.168.1.20 is a private address",
                "http://169.254.169.254/latest/meta-data", "169.254.169.254 is a link-local address",
                "http://[::1]/hook", "is a loopback address",
                "http://[::ffff:127.0.0.1]/hook", "127.0.0.1 is a loopback address",
                "http://[fd00::1]/hook", "is a private address",
                "http://0.0.0.0/hook", "0.0.0.0 is an unspecified address",
                "http://224.0.0.1/hook", "224.0.0.1 is a multicast address");
        String appId = newAppId();
        refused.forEach((url, reason) -> web.put().uri("/webhook").header("X-Wechat-App-Id", appId)
                .bodyValue(Map.of("url", url))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.code").isEqualTo("invalid_parameter")
                .jsonPath("$.errmsg").value(errmsg -> assertThat((String) errmsg)
                        .startsWith("url: host ")
                        .contains(reason)
                        .endsWith("webhooks may only call public addresses")));
        web.get().uri("/webhook").header("X-Wechat-App-Id", appId).exchange().expectStatus().isNotFound();
    }

    @Test
    void aPublicAddressIsAccepted() {
        for (String url : List.of("https://93.184.215.14/hook", "https://[2606:4700:4700::1111]/hook")) {
            web.put().uri("/webhook").header("X-Wechat-App-Id", newAppId())
                    .bodyValue(Map.of("url", url))
                    .exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.url").isEqualTo(url);
        }
    }
}
