package dev.wechatapi.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wechatapi.events.ContactKind;
import dev.wechatapi.events.MessageContent;
import dev.wechatapi.events.MessageType;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a handler gets from a runner on a real broker: each type at its method, the message as the archive stores
 * it, and replies through the gateway (a scripted MockWebServer: script, run, verify what it saw).
 */
class HandlerDispatchKafkaTest {

    private static final Duration WAIT = KafkaRunners.WAIT;
    private static final String APP = "0123456789abcdef0123456789abcdef";
    private static final String OTHER_APP = "fedcba9876543210fedcba9876543210";

    @RegisterExtension
    final KafkaRunners kafka = new KafkaRunners();

    private final MockWebServer gateway = new MockWebServer();

    @AfterEach
    void stopGateway() {
        gateway.close();
    }

    @Test
    void everyTypeArrivesAtItsOwnMethodAndWithoutAnOverrideAtTheDefaultOfEveryHandler() throws Exception {
        EveryMethod everyMethod = new EveryMethod();
        TextAndPictureOnly someMethods = new TextAndPictureOnly();
        kafka.start(b -> b.appId(APP).handler(everyMethod).handler(someMethods));

        for (MessageType type : MessageType.values()) {
            kafka.publish(Messages.received(APP, type, MessageContent.text(type.name())));
        }

        int all = MessageType.values().length;
        Eventually.until("both handlers got every type", WAIT,
                () -> everyMethod.calls.size() >= all && someMethods.calls.size() >= all);
        assertThat(everyMethod.calls).containsExactlyElementsOf(Arrays.stream(MessageType.values())
                .map(type -> type.name().toLowerCase(Locale.ROOT)).toList());
        assertThat(someMethods.calls).containsExactly("text", "default:Map", "default:Card", "default:Note",
                "default:Sharing", "picture", "default:Recording", "default:Attachment", "default:Video",
                "default:Friends", "default:System");
    }

    @Test
    void aGroupMessageArrivesWithWhatTheArchiveStoresAndAnAbsoluteMediaLink() throws Exception {
        List<IncomingMessage> received = new CopyOnWriteArrayList<>();
        kafka.start(b -> b.appId(APP).gateway(URI.create("https://gw.example:8443/wechat/"), APP, "secret")
                .handler(new MessageHandler() {
                    @Override
                    public void picture(IncomingMessage message) {
                        received.add(message);
                    }
                }));
        var published = Messages.group(APP, MessageType.Picture, 3, Messages.media("2f/ab c"), true);

        kafka.publish(published);

        Eventually.until("the picture", WAIT, () -> !received.isEmpty());
        IncomingMessage message = received.getFirst();
        assertThat(message.event()).isEqualTo(published);
        assertThat(message.uniqueId()).isEqualTo("msg:" + APP + ":received:" + published.msgId());
        assertThat(message.id()).isEqualTo(published.msgId());
        assertThat(message.appId()).isEqualTo(APP);
        assertThat(message.isSent()).isFalse();
        assertThat(message.type()).isEqualTo(MessageType.Picture);
        assertThat(message.rawMsgType()).isEqualTo(3);
        assertThat(message.sender()).isEqualTo(Messages.GROUP);
        assertThat(message.senderKind()).isEqualTo(ContactKind.GROUP);
        assertThat(message.receiver()).isEqualTo(Messages.ACCOUNT);
        assertThat(message.chat()).isEqualTo(Messages.GROUP);
        assertThat(message.isGroupMessage()).isTrue();
        assertThat(message.member()).isEqualTo("member00puid");
        assertThat(message.memberName()).isEqualTo("李雷");
        assertThat(message.isAt()).isTrue();
        assertThat(message.content().imgHeight()).isEqualTo(480);
        assertThat(message.content().imgWidth()).isEqualTo(640);
        assertThat(message.mediaId()).isEqualTo("2f/ab c");
        assertThat(message.mediaUrl()).contains(URI.create("https://gw.example:8443/wechat/media/2f%2Fab%20c"));
        assertThat(message.createTime()).isEqualTo(Instant.parse("2026-11-25T02:01:24Z"));
        assertThat(message.receiveTime()).isEqualTo(Instant.parse("2026-11-25T02:01:25Z"));
    }

    @Test
    void aReplyGoesThroughTheGatewayToTheChatTheMessageCameFrom() throws Exception {
        gateway.start(0);
        answer(200, "{\"access_token\": \"tok-1\", \"expire_in\": 7200}");
        answer(201, "{\"id\": 4611686018427387999, \"content\": {\"text\": \"echo: 在吗\"}}");
        List<Long> replyIds = new CopyOnWriteArrayList<>();
        kafka.start(b -> b.appId(APP).gateway(gateway.url("/").uri(), APP, "s3cret")
                .handler(new MessageHandler() {
                    @Override
                    public void text(IncomingMessage message) {
                        replyIds.add(message.reply("echo: " + message.text()));
                    }
                }));

        kafka.publish(Messages.group(APP, MessageType.Text, 1, MessageContent.text("在吗"), true));

        RecordedRequest token = gateway.takeRequest(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(token).as("a token request").isNotNull();
        assertThat(token.getUrl().encodedPath()).isEqualTo("/access_token");
        assertThat(token.getUrl().queryParameter("app_id")).isEqualTo(APP);
        assertThat(token.getUrl().queryParameter("app_secret")).isEqualTo("s3cret");
        RecordedRequest send = gateway.takeRequest(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(send).as("a send request").isNotNull();
        assertThat(send.getMethod()).isEqualTo("POST");
        assertThat(send.getUrl().encodedPath()).isEqualTo("/send-message");
        assertThat(send.getHeaders().get("Authorization")).isEqualTo("Bearer tok-1");
        assertThat(send.getBody().utf8())
                .isEqualTo("{\"type\":\"text\",\"puid\":\"" + Messages.GROUP.puid() + "\",\"text\":\"echo: 在吗\"}");
        Eventually.until("the reply id reached the handler", WAIT, () -> !replyIds.isEmpty());
        assertThat(replyIds).containsExactly(4611686018427387999L);
        Eventually.until("the message committed", WAIT, () -> kafka.committedOffset(0) == 1);
    }

    @Test
    void aReplyToAnotherAppsMessageIsRefusedWithoutCallingTheGatewayAndReported() throws Exception {
        gateway.start(0);
        List<HandlerFailure> failures = new CopyOnWriteArrayList<>();
        kafka.start(b -> b.gateway(gateway.url("/").uri(), APP, "s3cret").maxAttempts(1).onFailure(failures::add)
                .handler(new MessageHandler() {
                    @Override
                    public void text(IncomingMessage message) {
                        message.reply("echo: " + message.text());
                    }
                }));

        kafka.publish(Messages.text(OTHER_APP, "not yours"));

        Eventually.until("the failure report", WAIT, () -> !failures.isEmpty());
        assertThat(failures.getFirst().error()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot reply to a message of app " + OTHER_APP);
        assertThat(gateway.getRequestCount()).isZero();
    }

    private void answer(int status, String json) {
        gateway.enqueue(new MockResponse(status, Headers.of("Content-Type", "application/json; charset=utf-8"), json));
    }

    private static final class TextAndPictureOnly extends MessageHandler {
        final List<String> calls = new CopyOnWriteArrayList<>();

        @Override
        public void text(IncomingMessage message) {
            calls.add("text");
        }

        @Override
        public void picture(IncomingMessage message) {
            calls.add("picture");
        }

        @Override
        public void defaultHandle(IncomingMessage message) {
            calls.add("default:" + message.type());
        }
    }
}
