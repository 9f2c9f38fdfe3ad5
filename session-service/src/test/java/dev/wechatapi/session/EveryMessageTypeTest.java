package dev.wechatapi.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wechatapi.events.EventTypes;
import dev.wechatapi.events.MessageEvent;
import dev.wechatapi.events.MessageType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of message the simulator can deliver (the reference's §8.4 list), received through the real client and
 * published on Kafka as the archive's message type with its content fields.
 */
class EveryMessageTypeTest extends SessionServiceTest {

    static Stream<Arguments> kinds() {
        return Stream.of(
                kind("text", Map.of("text", "你好 👋"), MessageType.Text, 1,
                        e -> assertThat(e.content().text()).isEqualTo("你好 👋")),
                kind("location", Map.of("x", 39.9042, "y", 116.4074, "scale", 15, "label", "北京市东城区",
                        "poiname", "天安门"), MessageType.Map, 1, e -> {
                            assertThat(e.content().x()).isEqualTo(39.9042);
                            assertThat(e.content().y()).isEqualTo(116.4074);
                            assertThat(e.content().scale()).isEqualTo(15);
                            assertThat(e.content().label()).isEqualTo("北京市东城区");
                            assertThat(e.content().poiName()).isEqualTo("天安门");
                        }),
                kind("card", Map.of("nickName", "推荐的人 🌟", "province", "广东", "city", "深圳", "sex", 2),
                        MessageType.Card, 42, e -> {
                            assertThat(e.content().card().nickName()).isEqualTo("推荐的人 🌟");
                            assertThat(e.content().card().province()).isEqualTo("广东");
                            assertThat(e.content().card().city()).isEqualTo("深圳");
                        }),
                kind("link", Map.of("title", "一篇文章", "description", "摘要", "url", "https://example.com/a?b=1"),
                        MessageType.Sharing, 49, e -> {
                            assertThat(e.content().url()).isEqualTo("https://example.com/a?b=1");
                            assertThat(e.content().text()).contains("一篇文章");
                        }),
                kind("image", Map.of("width", 64, "height", 48), MessageType.Picture, 3, e -> {
                            assertThat(e.content().imgWidth()).isEqualTo(64);
                            assertThat(e.content().imgHeight()).isEqualTo(48);
                            assertThat(e.content().mediaId()).isNotBlank();
                        }),
                kind("emoticon", Map.of("width", 120), MessageType.Picture, 47,
                        e -> assertThat(e.content().mediaId()).isNotBlank()),
                kind("voice", Map.of("lengthMs", 4000), MessageType.Recording, 34, e -> {
                            assertThat(e.content().voiceLength()).isEqualTo(4000);
                            assertThat(e.content().mediaId()).isNotBlank();
                        }),
                kind("file", Map.of("fileName", "季度报告.pdf", "text", "报告正文"), MessageType.Attachment, 49, e -> {
                            assertThat(e.content().fileName()).isEqualTo("季度报告.pdf");
                            assertThat(e.content().fileSize()).isEqualTo("报告正文".getBytes(
                                    java.nio.charset.StandardCharsets.UTF_8).length);
                            assertThat(e.content().mediaId()).isNotBlank();
                        }),
                kind("video", Map.of("playLength", 8, "size", 4096), MessageType.Video, 43, e -> {
                            assertThat(e.content().playLength()).isEqualTo(8);
                            assertThat(e.content().mediaId()).isNotBlank();
                        }),
                kind("system", Map.of("text", "你已添加了小明，现在可以开始聊天了。"), MessageType.System, 10000,
                        e -> assertThat(e.content().text()).isEqualTo("你已添加了小明，现在可以开始聊天了。")),
                kind("friendRequest", Map.of("nickName", "想加你的人", "greeting", "我是你的同学"),
                        MessageType.Friends, 37, e -> assertThat(e.content().text()).contains("我是你的同学")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void eachKindIsPublishedAsItsArchiveType(String kind, Map<String, Object> fields, MessageType type, int rawMsgType,
            Consumer<MessageEvent> content) {
        LoggedIn app = login();
        Map<String, Object> message = new LinkedHashMap<>(fields);
        message.put("kind", kind);
        if (!kind.equals("friendRequest")) {
            message.put("from", "张伟 🐼");
        }
        String msgId = control.injectMessage(app.accountId(), message).get("msgId").asString();

        MessageEvent event = events.await(app.appId(), EventTypes.MESSAGE_RECEIVED, MessageEvent.class,
                e -> e.msgId() == Long.parseLong(msgId));

        assertThat(event.type()).isEqualTo(type);
        assertThat(event.rawMsgType()).isEqualTo(rawMsgType);
        content.accept(event);
    }

    @Test
    void aRecallIsPublishedAsANote() {
        LoggedIn app = login();
        String original = control.sendText(app.accountId(), "李娜", "发错了");
        String msgId = control.injectMessage(app.accountId(), Map.of("kind", "recall", "from", "李娜",
                "msgId", original)).get("msgId").asString();

        MessageEvent event = events.await(app.appId(), EventTypes.MESSAGE_RECEIVED, MessageEvent.class,
                e -> e.msgId() == Long.parseLong(msgId));

        assertThat(event.type()).isEqualTo(MessageType.Note);
        assertThat(event.rawMsgType()).isEqualTo(10002);
        assertThat(event.content().text()).contains("撤回了一条消息");
    }

    private static Arguments kind(String kind, Map<String, Object> fields, MessageType type, int rawMsgType,
            Consumer<MessageEvent> content) {
        return Arguments.of(kind, fields, type, rawMsgType, content);
    }
}
