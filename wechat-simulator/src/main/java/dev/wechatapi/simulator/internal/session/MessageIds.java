package dev.wechatapi.simulator.internal.session;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Message ids: 16-digit, increasing, and below 2^53 so JavaScript clients see the same {@code NewMsgId} as the
 * {@code MsgId} string (the real ids are larger and JS clients lose precision on them).
 */
public final class MessageIds {

    private static final AtomicLong NEXT =
            new AtomicLong(4_000_000_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000_000_000L));

    private MessageIds() {}

    public static long next() {
        return NEXT.addAndGet(1 + ThreadLocalRandom.current().nextInt(997));
    }
}
