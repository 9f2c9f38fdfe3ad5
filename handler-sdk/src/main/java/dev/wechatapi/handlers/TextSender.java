package dev.wechatapi.handlers;

/**
 * Sends a text from the app's WeChat account. The runner's implementation calls the gateway's
 * {@code POST /send-message} with the app's access token; tests of a handler pass a recording fake.
 *
 * <pre>{@code
 * long id = sender.sendText(friendPuid, "收到 ✅");
 * }</pre>
 */
@FunctionalInterface
public interface TextSender {

    /**
     * Sends {@code text} to the friend, group or official account {@code puid}; returns the id of the sent message.
     *
     * @throws GatewayException when the gateway refuses the message (account offline, unknown puid, ...) or cannot
     *     be reached
     */
    long sendText(String puid, String text);
}
