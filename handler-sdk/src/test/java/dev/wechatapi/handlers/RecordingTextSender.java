package dev.wechatapi.handlers;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** Records what would have been sent, and answers with increasing message ids. */
final class RecordingTextSender implements TextSender {

    record Sent(String puid, String text) {}

    final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong(1000);

    @Override
    public long sendText(String puid, String text) {
        sent.add(new Sent(puid, text));
        return ids.incrementAndGet();
    }
}
