package dev.wechatapi.simulator.internal.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dispatches requests by method and path pattern ({@code /control/accounts/{id}}). Protocol endpoints register
 * with method {@code *} because clients disagree on GET versus POST for most of them.
 */
public final class Router implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(Router.class);

    private record Route(String method, String[] segments, Endpoint endpoint) {

        boolean accepts(String requestMethod) {
            return method.equals("*") || method.equalsIgnoreCase(requestMethod);
        }

        Optional<Map<String, String>> match(String[] path) {
            if (path.length != segments.length) {
                return Optional.empty();
            }
            var params = new HashMap<String, String>();
            for (int i = 0; i < segments.length; i++) {
                String segment = segments[i];
                if (segment.startsWith("{") && segment.endsWith("}")) {
                    params.put(segment.substring(1, segment.length() - 1), decodeSegment(path[i]));
                } else if (!segment.equals(path[i])) {
                    return Optional.empty();
                }
            }
            return Optional.of(params);
        }
    }

    private final List<Route> routes = new ArrayList<>();
    private final Faults faults;

    public Router() {
        this(new Faults());
    }

    public Router(Faults faults) {
        this.faults = faults;
    }

    public Router on(String method, String pattern, Endpoint endpoint) {
        routes.add(new Route(method, split(pattern), endpoint));
        return this;
    }

    @Override
    public void handle(HttpExchange raw) throws IOException {
        try (raw) {
            Faults.Fault fault = faults.take(raw.getRequestURI().getPath());
            Reply reply;
            try {
                if (fault != null && fault.delayMs() > 0) {
                    Thread.sleep(fault.delayMs());
                }
                if (fault != null && fault.drop()) {
                    // Closing an exchange that sent no headers closes the connection: the client sees no answer.
                    return;
                }
                reply = dispatch(new Exchange(raw));
                if (fault != null && fault.truncate()) {
                    reply = new Reply(reply.status(), reply.contentType(),
                            Arrays.copyOf(reply.body(), reply.body().length / 2), reply.headers());
                }
            } catch (InterruptedException shuttingDown) {
                Thread.currentThread().interrupt();
                reply = Reply.text(503, "simulator shutting down");
            } catch (ControlFailure failure) {
                reply = Reply.error(failure.status(), failure.getMessage());
            } catch (RuntimeException bug) {
                log.warn("{} {} failed", raw.getRequestMethod(), raw.getRequestURI(), bug);
                reply = Reply.error(500, String.valueOf(bug));
            }
            write(raw, reply);
        }
    }

    private Reply dispatch(Exchange exchange) throws InterruptedException {
        String[] path = split(exchange.path());
        boolean pathKnown = false;
        for (Route route : routes) {
            var params = route.match(path);
            if (params.isEmpty()) {
                continue;
            }
            pathKnown = true;
            if (route.accepts(exchange.method())) {
                exchange.bindPathParams(params.get());
                log.debug("{} {}", exchange.method(), exchange.path());
                return route.endpoint.handle(exchange);
            }
        }
        return pathKnown
                ? Reply.error(405, exchange.method() + " not allowed on " + exchange.path())
                : Reply.error(404, "no such endpoint: " + exchange.path());
    }

    private static void write(HttpExchange raw, Reply reply) throws IOException {
        var headers = raw.getResponseHeaders();
        if (reply.contentType() != null) {
            headers.set("Content-Type", reply.contentType());
        }
        for (var header : reply.headers()) {
            headers.add(header.getKey(), header.getValue());
        }
        byte[] body = reply.body();
        raw.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (var out = raw.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static String[] split(String path) {
        return Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toArray(String[]::new);
    }

    /** Percent-decodes a path segment; unlike a query, a {@code +} in a path is a plus (uuids end in {@code ==}). */
    private static String decodeSegment(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformedEscape) {
            return segment;
        }
    }
}
