package dev.wechatapi.gateway.routing;

import java.net.InetSocketAddress;
import java.net.URI;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells a service where the client called the gateway ({@code X-Forwarded-Proto/Host/Port/Prefix/For}), so that
 * the absolute URLs it builds (pagination, media) point at the gateway.
 *
 * <p>Spring Cloud Gateway's own X-Forwarded filter only writes these headers for clients matching {@code
 * trusted-proxies} and otherwise strips them. Here they are always written, from the request as the gateway sees
 * it; when the gateway itself sits behind a proxy, {@code server.forward-headers-strategy=framework} makes that
 * view the proxy's. Values a client sent are replaced, never passed on.
 */
@Component
class ForwardedHeaders implements HttpHeadersFilter, Ordered {

  @Override
  public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
    ServerHttpRequest request = exchange.getRequest();
    URI uri = request.getURI();
    String proto = uri.getScheme() == null ? "http" : uri.getScheme();
    int port = uri.getPort() >= 0 ? uri.getPort() : defaultPort(proto);
    HttpHeaders headers = new HttpHeaders();
    headers.addAll(input);
    headers.set("X-Forwarded-Proto", proto);
    headers.set("X-Forwarded-Host", hostHeader(uri, proto, port));
    headers.set("X-Forwarded-Port", Integer.toString(port));
    String prefix = request.getPath().contextPath().value();
    if (prefix.isEmpty()) {
      headers.remove("X-Forwarded-Prefix");
    } else {
      headers.set("X-Forwarded-Prefix", prefix);
    }
    InetSocketAddress client = request.getRemoteAddress();
    if (client != null) {
      headers.set("X-Forwarded-For", client.getHostString());
    } else {
      headers.remove("X-Forwarded-For");
    }
    return headers;
  }

  private static String hostHeader(URI uri, String proto, int port) {
    String host = uri.getHost() == null ? "localhost" : uri.getHost();
    return port == defaultPort(proto) ? host : host + ":" + port;
  }

  private static int defaultPort(String proto) {
    return "https".equalsIgnoreCase(proto) ? 443 : 80;
  }

  @Override
  public int getOrder() {
    // After the gateway's RemoveXForwardedHeadersFilter (order 0), which would strip what is written here.
    return 100;
  }
}
