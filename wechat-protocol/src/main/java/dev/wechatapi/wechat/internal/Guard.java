package dev.wechatapi.wechat.internal;

import dev.wechatapi.wechat.WeChatException;

/**
 * The boundary that keeps runtime exceptions from escaping: whatever WeChat answered that slipped past the
 * parsers (a null where an object belongs, a number out of range) becomes a {@link WeChatException.ProtocolError}.
 * An interrupted thread gets {@link WeChatException.Unreachable} at once, its interrupt flag left set.
 */
public final class Guard {

    @FunctionalInterface
    public interface Call<T> {
        T run() throws WeChatException;
    }

    private Guard() {}

    public static <T> T run(String what, Call<T> call) throws WeChatException {
        if (Thread.currentThread().isInterrupted()) {
            throw new WeChatException.Unreachable(what + " not attempted: the thread is interrupted", null);
        }
        try {
            return call.run();
        } catch (WeChatException typed) {
            throw typed;
        } catch (RuntimeException unexpected) {
            throw new WeChatException.ProtocolError(what + " failed on an answer this client does not understand: "
                    + unexpected, unexpected);
        }
    }
}
