package dev.wechatapi.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wechatapi.events.MessageContent;
import dev.wechatapi.events.MessageType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MessageHandlerTest {

    private final RecordingTextSender replies = new RecordingTextSender();

    @ParameterizedTest
    @EnumSource(MessageType.class)
    void eachTypeReachesTheMethodNamedAfterIt(MessageType type) throws Exception {
        EveryMethod handler = new EveryMethod();

        handler.handle(message(type));

        assertThat(handler.calls).containsExactly(type.name().toLowerCase(Locale.ROOT));
    }

    @ParameterizedTest
    @EnumSource(value = MessageType.class, names = "Text", mode = EnumSource.Mode.EXCLUDE)
    void typesWithoutAnOverrideGoToDefaultHandle(MessageType type) throws Exception {
        TextOnly handler = new TextOnly();

        handler.handle(message(type));
        handler.handle(message(MessageType.Text));

        assertThat(handler.calls).containsExactly("default:" + type, "text");
    }

    @Test
    void aHandlerOverridingNothingIgnoresEveryMessage() throws Exception {
        MessageHandler nothing = new MessageHandler() {};

        for (MessageType type : MessageType.values()) {
            nothing.handle(message(type));
        }

        assertThat(replies.sent).isEmpty();
    }

    @Test
    void aMessageWithoutTypeGoesToDefaultHandle() throws Exception {
        TextOnly handler = new TextOnly();

        handler.handle(message(null));

        assertThat(handler.calls).containsExactly("default:null");
    }

    @Test
    void aHandlerIsNamedAfterItsClass() {
        assertThat(new TextOnly().name()).isEqualTo("TextOnly");
    }

    private IncomingMessage message(MessageType type) {
        return IncomingMessage.of(Messages.received("app", type, MessageContent.text("x")), replies);
    }

    private static final class TextOnly extends MessageHandler {
        final List<String> calls = new ArrayList<>();

        @Override
        public void text(IncomingMessage message) {
            calls.add("text");
        }

        @Override
        public void defaultHandle(IncomingMessage message) {
            calls.add("default:" + message.type());
        }
    }
}
