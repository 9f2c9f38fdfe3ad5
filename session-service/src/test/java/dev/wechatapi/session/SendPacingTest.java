package dev.wechatapi.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** Per-account pacing as configured for the tests: 4 sends/s, bursts of 2, 3 waiting, pauses from 1 s to 4 s. */
class SendPacingTest extends SessionServiceTest {

    record Answer(int status, String retryAfter, String body) {}

    @Test
    void sendsBeyondTheQueueAreRefusedWith429AndRetryAfterWhileTheAcceptedOnesAllReachWeChat() {
        LoggedIn app = login();
        String wang = app.puidOf("王芳");

        List<Answer> answers = Flux.range(0, 12)
                .flatMap(i -> send(app.appId(), wang, "批量 " + i), 12)
                .collectList().block(Duration.ofSeconds(30));

        List<Answer> refused = answers.stream().filter(a -> a.status() == 429).toList();
        List<Answer> created = answers.stream().filter(a -> a.status() == 201).toList();
        assertThat(refused).isNotEmpty().allSatisfy(a -> {
            assertThat(a.retryAfter()).isEqualTo("1");
            assertThat(a.body()).contains("\"code\":\"rate_limited\"").contains("errmsg");
        });
        assertThat(created).hasSizeGreaterThanOrEqualTo(4);
        assertThat(created.size() + refused.size()).isEqualTo(12);
        assertThat(sentTexts(app)).hasSize(created.size());
    }

    @Test
    void sendsOfOneAccountReachWeChatInTheOrderTheyCame() throws InterruptedException {
        LoggedIn app = login();
        String lina = app.puidOf("李娜");

        List<Mono<Answer>> inFlight = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            Mono<Answer> answer = send(app.appId(), lina, "第" + i + "条").cache();
            answer.subscribe();
            inFlight.add(answer);
            Thread.sleep(250); // far enough apart that a loaded machine cannot reorder their arrival
        }
        List<Answer> answers = Flux.concat(inFlight).collectList().block(Duration.ofSeconds(30));

        assertThat(answers).extracting(Answer::status).containsOnly(201);
        assertThat(sentTexts(app)).containsExactly("第1条", "第2条", "第3条", "第4条", "第5条");
    }

    @Test
    void weChatSayingTooOftenPausesTheAccountsSendingWithDoublingPauses() {
        LoggedIn app = login();
        String zhang = app.puidOf("张伟 🐼");
        control.failNextSends(app.accountId(), 1205, 2);

        Answer first = send(app.appId(), zhang, "一").block();
        Answer duringPause = send(app.appId(), zhang, "二").block();
        assertThat(first.status()).isEqualTo(429);
        assertThat(first.retryAfter()).isEqualTo("1");
        assertThat(duringPause.status()).isEqualTo(429);
        assertThat(duringPause.body()).contains("\"code\":\"rate_limited\"");

        // The refusal during the pause never reached WeChat, so WeChat's second "too often" comes now.
        Answer afterPause = awaitAnswer(app.appId(), zhang, "三", 1500);
        assertThat(afterPause.status()).isEqualTo(429);
        assertThat(afterPause.retryAfter()).isEqualTo("2");
        Answer afterLongerPause = awaitAnswer(app.appId(), zhang, "四", 2500);
        assertThat(afterLongerPause.status()).isEqualTo(201);
        assertThat(sentTexts(app)).containsExactly("四");
    }

    @Test
    void aSendWhoseClientGaveUpWhileItWaitedIsNeverSent() throws InterruptedException {
        LoggedIn app = login();
        String lina = app.puidOf("李娜");
        send(app.appId(), lina, "一").block();
        send(app.appId(), lina, "二").block();

        // The burst is spent: "三" waits about 250 ms for its token, "四" about 500 ms; "四"'s client leaves first.
        Mono<Answer> third = send(app.appId(), lina, "三").cache();
        third.subscribe();
        Thread.sleep(30);
        send(app.appId(), lina, "四").timeout(Duration.ofMillis(100)).onErrorResume(e -> Mono.empty()).block();

        assertThat(third.block(Duration.ofSeconds(10)).status()).isEqualTo(201);
        Thread.sleep(1000);
        assertThat(sentTexts(app)).containsExactly("一", "二", "三");
    }

    private Answer awaitAnswer(String appId, String puid, String text, long afterMillis) {
        return Mono.delay(Duration.ofMillis(afterMillis)).then(send(appId, puid, text)).block();
    }

    private Mono<Answer> send(String appId, String puid, String text) {
        return WebClient.create("http://localhost:" + port).post().uri("/send-message")
                .header("X-Wechat-App-Id", appId)
                .bodyValue(Map.of("type", "text", "puid", puid, "text", text))
                .exchangeToMono(response -> response.bodyToMono(String.class).defaultIfEmpty("")
                        .map(body -> new Answer(response.statusCode().value(),
                                response.headers().asHttpHeaders().getFirst("Retry-After"), body)));
    }

    private List<String> sentTexts(LoggedIn app) {
        JsonNode sent = control.sent(app.accountId());
        return StreamSupport.stream(sent.spliterator(), false).map(r -> r.get("content").asString()).toList();
    }
}
