package dev.wechatapi.examples.echobot;

import dev.wechatapi.handlers.IncomingMessage;
import dev.wechatapi.handlers.MessageHandler;

/**
 * Answers every text a contact sends with {@code echo: <text>}, in the same chat (the friend, or the group).
 * Other message types fall through to the SDK's default handling, which ignores them.
 */
public final class EchoHandler extends MessageHandler {

    @Override
    public void text(IncomingMessage message) {
        // The runner delivers received messages only; the check keeps the bot from answering itself even if it
        // is ever run with sent messages included.
        if (message.isSent() || message.text() == null) {
            return;
        }
        message.reply("echo: " + message.text());
    }
}
