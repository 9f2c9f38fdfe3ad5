package dev.wechatapi.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wechatapi.events.Direction;
import dev.wechatapi.events.EventTypes;
import dev.wechatapi.events.MessageEvent;
import dev.wechatapi.events.MessageType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.web.reactive.function.BodyInserters;
import tools.jackson.databind.JsonNode;

class SendMessageTest extends SessionServiceTest {

    @Test
    void aTextSentThroughTheApiReachesWeChatAndIsPublishedAsSent() {
        LoggedIn app = login();
        String lina = app.puidOf("李娜");

        Map<String, Object> sent = client.post().uri("/send-message").header("X-Wechat-App-Id", app.appId())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("type", "text", "puid", lina, "text", "晚上好 🌙 see you"))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(JSON).returnResult().getResponseBody();

        assertThat(sent).containsEntry("msg_type", "Text").containsEntry("is_at", false)
                .containsEntry("member", null).containsEntry("sender_puid", app.contacts().self().puid())
                .containsEntry("receiver_puid", lina)
                .containsEntry("type", Map.of("sender", "wxusermodel", "receiver", "wxusermodel"));
        String idStr = (String) sent.get("id_str");
        assertThat(((Number) sent.get("id")).toString()).isEqualTo(idStr);
        assertThat(sent.get("content")).isEqualTo(Map.of("message", sent.get("id"), "text", "晚上好 🌙 see you"));
        assertThat((String) sent.get("create_time")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d");

        JsonNode onWeChat = control.sent(app.accountId());
        assertThat(onWeChat).anySatisfy(record -> {
            assertThat(record.get("content").asString()).isEqualTo("晚上好 🌙 see you");
            assertThat(record.get("toNickName").asString()).isEqualTo("李娜");
        });

        MessageEvent event = events.await(app.appId(), EventTypes.MESSAGE_SENT, MessageEvent.class,
                m -> m.msgId() == Long.parseLong(idStr));
        assertThat(event.direction()).isEqualTo(Direction.SENT);
        assertThat(event.type()).isEqualTo(MessageType.Text);
        assertThat(event.receiver().puid()).isEqualTo(lina);
        assertThat(event.content().text()).isEqualTo("晚上好 🌙 see you");
    }

    @Test
    void aTextToAGroupSentAsAFormNamesTheGroupAsReceiver() {
        LoggedIn app = login();

        client.post().uri("/send-message").header("X-Wechat-App-Id", app.appId())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("type", "text").with("puid", app.groupPuid()).with("text", "出发！🚀"))
                .exchange()
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.type.receiver").isEqualTo("wxgroupmodel")
                .jsonPath("$.receiver_puid").isEqualTo(app.groupPuid())
                .jsonPath("$.content.text").isEqualTo("出发！🚀");
    }

    @Test
    void anUnknownPuidIsRefused() {
        LoggedIn app = login();

        client.post().uri("/send-message").header("X-Wechat-App-Id", app.appId())
                .bodyValue(Map.of("type", "text", "puid", "000000000000", "text", "hi"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().json("{\"errmsg\": \"未找到对应uuid的匹配对象!\", \"code\": \"unknown_puid\"}",
                        JsonCompareMode.STRICT);
    }

    @Test
    void weChatSayingTooOftenIsA429WithRetryAfter() {
        LoggedIn app = login();
        control.failNextSends(app.accountId(), 1205, 1);

        client.post().uri("/send-message").header("X-Wechat-App-Id", app.appId())
                .bodyValue(Map.of("type", "text", "puid", app.puidOf("王芳"), "text", "hi"))
                .exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().exists("Retry-After")
                .expectBody().jsonPath("$.code").isEqualTo("rate_limited");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"type": "sticker", "puid": "p", "text": "hi"} | invalid_type           | 非法的消息类型!
            {"puid": "p", "text": "hi"}                    | invalid_type           | 非法的消息类型!
            {"type": "text", "text": "hi"}                 | puid_required          | puid为必填参数！
            {"type": "text", "puid": "p"}                  | text_required          | type为text时, text为必填参数！
            {"type": "text", "puid": "p", "text": "  "}    | text_required          | type为text时, text为必填参数！
            {"type": "image", "puid": "p"}                 | file_required          | type不为text时, file为必填参数！
            {"type": "image", "puid": "p", "file": "x"}    | file_required          | type不为text时, file为必填参数！
            {"type": "text", "puid": "p", "text": "hi"}    | offline                | 微信号不在线!请先登录
            """)
    void aBadSendRequestGetsTheContractsErrorText(String body, String code, String errmsg) {
        client.post().uri("/send-message").header("X-Wechat-App-Id", newAppId())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo(code).jsonPath("$.errmsg").isEqualTo(errmsg);
    }

    @Test
    void aBodyThatIsNotJsonIsA400() {
        client.post().uri("/send-message").header("X-Wechat-App-Id", newAppId())
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"type\": ")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("bad_request");
    }
}
