package dev.wechatapi.simulator.internal.control;

import dev.wechatapi.simulator.internal.accounts.Account;
import dev.wechatapi.simulator.internal.accounts.Accounts;
import dev.wechatapi.simulator.internal.http.ControlFailure;
import dev.wechatapi.simulator.internal.http.Exchange;
import dev.wechatapi.simulator.internal.http.Json;
import dev.wechatapi.simulator.internal.http.Reply;
import dev.wechatapi.simulator.internal.session.WireMessage;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Message streams: the same kind of message injected at a fixed rate for a fixed time, for load and pacing tests.
 * The first message goes in at once, the others on a scheduler tick each {@code 1 / ratePerSecond} seconds, so a
 * stream of {@code rate × duration} messages ends after about {@code duration} seconds with exactly that many
 * injected, unless it is stopped or the session ends first.
 */
public final class MessageStreams {

    private static final double MAX_RATE = 1000;
    private static final int MAX_TOTAL = 1_000_000;

    private final Accounts accounts;
    private final MessageControl messages;
    private final ScheduledExecutorService scheduler;
    private final Map<String, Stream> streams = new ConcurrentHashMap<>();
    private final AtomicInteger counter = new AtomicInteger();

    public MessageStreams(Accounts accounts, MessageControl messages, ScheduledExecutorService scheduler) {
        this.accounts = accounts;
        this.messages = messages;
        this.scheduler = scheduler;
    }

    /**
     * {@code POST /control/accounts/{id}/message-streams}: {@code {"ratePerSecond": 5, "durationSeconds": 10,
     * "message": {<a body of POST .../messages>}}}; {@code {n}} in the message's {@code text} or {@code content}
     * becomes the message's 1-based number in the stream.
     */
    public Reply start(Exchange exchange) {
        Account account = accounts.get(exchange.pathParam("accountId"));
        JsonNode body = exchange.json();
        double rate = body.path("ratePerSecond").asDouble(0);
        double duration = body.path("durationSeconds").asDouble(0);
        if (!(rate > 0 && rate <= MAX_RATE) || !(duration > 0)) {
            throw ControlFailure.badRequest("\"ratePerSecond\" must be above 0 and at most " + (int) MAX_RATE
                    + ", \"durationSeconds\" above 0");
        }
        long total = Math.round(rate * duration);
        if (total < 1 || total > MAX_TOTAL) {
            throw ControlFailure.badRequest("a stream injects between 1 and " + MAX_TOTAL + " messages, not " + total);
        }
        JsonNode template = body.path("message");
        if (!template.isObject()) {
            throw ControlFailure.badRequest("say what to inject: \"message\": {\"from\": 0, \"text\": \"第{n}条\"}");
        }
        var stream = new Stream("stream-" + counter.incrementAndGet(), account, template, rate, duration, (int) total);
        // The first message is injected here, so a bad template or a logged-out account fails the request itself.
        stream.injectNext();
        streams.put(stream.id, stream);
        if (stream.injected() < stream.total) {
            long periodNanos = Math.round(1_000_000_000d / rate);
            stream.schedule(scheduler.scheduleAtFixedRate(stream::tick, periodNanos, periodNanos, TimeUnit.NANOSECONDS));
        }
        return Reply.json(201, stream.view());
    }

    public Reply list(Exchange exchange) {
        ArrayNode json = Json.array();
        streams.values().stream().sorted(Comparator.comparing((Stream s) -> s.startedAt).reversed()).forEach(s -> json.add(s.view()));
        return Reply.json(json);
    }

    public Reply show(Exchange exchange) {
        return Reply.json(stream(exchange).view());
    }

    /** {@code DELETE}: stops the stream; what was injected stays. */
    public Reply stop(Exchange exchange) {
        Stream stream = stream(exchange);
        stream.finish("stopped", null);
        return Reply.json(stream.view());
    }

    private Stream stream(Exchange exchange) {
        Stream stream = streams.get(exchange.pathParam("streamId"));
        if (stream == null) {
            throw ControlFailure.notFound("no message stream " + exchange.pathParam("streamId"));
        }
        return stream;
    }

    private final class Stream {

        private final String id;
        private final Account account;
        private final JsonNode template;
        private final double rate;
        private final double duration;
        private final int total;
        private final Instant startedAt = Instant.now();
        private int injected;
        private String state = "running";
        private String error;
        private String lastMsgId;
        private Instant finishedAt;
        private ScheduledFuture<?> ticks;

        Stream(String id, Account account, JsonNode template, double rate, double duration, int total) {
            this.id = id;
            this.account = account;
            this.template = template;
            this.rate = rate;
            this.duration = duration;
            this.total = total;
        }

        synchronized int injected() {
            return injected;
        }

        synchronized void schedule(ScheduledFuture<?> future) {
            ticks = future;
            if (!state.equals("running")) {
                future.cancel(false);
            }
        }

        /** One scheduler tick; a failure ends the stream instead of escaping (which would silently stop the ticks). */
        void tick() {
            try {
                injectNext();
            } catch (ControlFailure failure) {
                finish("failed", failure.getMessage());
            } catch (RuntimeException bug) {
                finish("failed", String.valueOf(bug));
            }
        }

        synchronized void injectNext() {
            if (!state.equals("running")) {
                return;
            }
            WireMessage message = messages.inject(account, numbered(injected + 1));
            injected++;
            lastMsgId = message.msgId();
            if (injected == total) {
                finish("completed", null);
            }
        }

        synchronized void finish(String endState, String why) {
            if (!state.equals("running")) {
                return;
            }
            state = endState;
            error = why;
            finishedAt = Instant.now();
            if (ticks != null) {
                ticks.cancel(false);
            }
        }

        private JsonNode numbered(int n) {
            ObjectNode message = (ObjectNode) template.deepCopy();
            for (String field : new String[] {"text", "content"}) {
                String value = Json.text(message, field);
                if (value != null) {
                    message.put(field, value.replace("{n}", Integer.toString(n)));
                }
            }
            return message;
        }

        synchronized ObjectNode view() {
            return Json.object()
                    .put("streamId", id)
                    .put("accountId", account.id())
                    .put("ratePerSecond", rate)
                    .put("durationSeconds", duration)
                    .put("total", total)
                    .put("injected", injected)
                    .put("state", state)
                    .put("error", error)
                    .put("lastMsgId", lastMsgId)
                    .put("startedAt", startedAt.toString())
                    .put("finishedAt", finishedAt == null ? null : finishedAt.toString());
        }
    }
}
