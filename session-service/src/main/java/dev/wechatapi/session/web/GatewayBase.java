package dev.wechatapi.session.web;

import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The public base URL of the gateway a request came through, from the {@code X-Forwarded-Proto/Host/Port/Prefix}
 * headers the gateway sets (docs/internal-contract.md), so absolute URLs in answers (media links) point at the
 * gateway, not at this service. Without those headers (a direct call) it is this service's own origin.
 *
 * <pre>{@code
 * String url = GatewayBase.of(exchange.getRequest()).resolve("/media/" + mediaId);
 * }</pre>
 */
public record GatewayBase(String value) {

    public static GatewayBase of(ServerHttpRequest request) {
        HttpHeaders headers = request.getHeaders();
        URI own = request.getURI();
        String proto = first(headers, "X-Forwarded-Proto", own.getScheme());
        String host = first(headers, "X-Forwarded-Host", null);
        String port = first(headers, "X-Forwarded-Port", null);
        // Behind server.forward-headers-strategy=framework the headers are already applied (prefix = context path).
        String prefix = first(headers, "X-Forwarded-Prefix", request.getPath().contextPath().value());
        String authority;
        if (host == null) {
            authority = own.getRawAuthority();
        } else if (port == null || host.contains(":") && !host.endsWith("]") || isDefault(proto, port)) {
            // The host already names its port (Host-style "example.com:8443"), or the port is the scheme's default.
            authority = host;
        } else {
            authority = host + ":" + port;
        }
        String path = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        if (!path.isEmpty() && !path.startsWith("/")) {
            path = "/" + path;
        }
        return new GatewayBase(proto + "://" + authority + path);
    }

    /** An absolute URL of a gateway path such as {@code /media/abc}. */
    public String resolve(String path) {
        return value + path;
    }

    private static boolean isDefault(String proto, String port) {
        return "https".equalsIgnoreCase(proto) && "443".equals(port)
                || "http".equalsIgnoreCase(proto) && "80".equals(port);
    }

    // A proxy chain may list several values; the first is the one the client used.
    private static String first(HttpHeaders headers, String name, String fallback) {
        String value = headers.getFirst(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        int comma = value.indexOf(',');
        return (comma < 0 ? value : value.substring(0, comma)).trim();
    }
}
