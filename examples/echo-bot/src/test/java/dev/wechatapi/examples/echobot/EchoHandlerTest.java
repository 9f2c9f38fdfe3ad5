package dev.wechatapi.examples.echobot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wechatapi.events.ContactKind;
import dev.wechatapi.events.Direction;
import dev.wechatapi.events.MessageContent;
import dev.wechatapi.events.MessageEvent;
import dev.wechatapi.events.MessageType;
import dev.wechatapi.events.Party;
import dev.wechatapi.handlers.IncomingMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EchoHandlerTest {

    private static final Party ME = new Party("me", ContactKind.FRIEND, "我");
    private static final Party FRIEND = new Party("friend", ContactKind.FRIEND, "小明😀");
    private static final Party GROUP = new Party("group", ContactKind.GROUP, "家人群");

    private final List<String> sent = new ArrayList<>();
    private final EchoHandler echo = new EchoHandler();

    @Test
    void aTextFromAFriendIsEchoedToThatFriend() throws Exception {
        echo.handle(message(Direction.RECEIVED, FRIEND, ME, MessageType.Text, "你好 👋"));

        assertThat(sent).containsExactly("friend <- echo: 你好 👋");
    }

    @Test
    void aTextInAGroupIsEchoedToTheGroup() throws Exception {
        echo.handle(message(Direction.RECEIVED, GROUP, ME, MessageType.Text, "大家好"));

        assertThat(sent).containsExactly("group <- echo: 大家好");
    }

    @Test
    void theAccountsOwnMessagesAreNotEchoed() throws Exception {
        echo.handle(message(Direction.SENT, ME, FRIEND, MessageType.Text, "echo: 你好"));

        assertThat(sent).isEmpty();
    }

    @Test
    void otherTypesAreNotEchoed() throws Exception {
        echo.handle(message(Direction.RECEIVED, FRIEND, ME, MessageType.Picture, null));
        echo.handle(message(Direction.RECEIVED, FRIEND, ME, MessageType.Sharing, "https://example.com"));

        assertThat(sent).isEmpty();
    }

    private IncomingMessage message(Direction direction, Party from, Party to, MessageType type, String text) {
        MessageEvent event = new MessageEvent("app", 42, direction, type, 1, from, to, null, null, false,
                MessageContent.text(text), Instant.now(), Instant.now());
        return IncomingMessage.of(event, (puid, reply) -> {
            sent.add(puid + " <- " + reply);
            return 43;
        });
    }
}
