package dev.wechatapi.gateway.routing;

import dev.wechatapi.gateway.WechatGatewayProperties;
import io.netty.channel.ChannelOption;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.http.client.HttpClient;

/**
 * Applies {@code wechat.gateway.connect-timeout} and {@code response-timeout} to the client that forwards calls,
 * so that a service that is down or stuck turns into a 503 instead of a hanging request.
 */
@Component
class BackendTimeouts implements HttpClientCustomizer {

  private final WechatGatewayProperties properties;

  BackendTimeouts(WechatGatewayProperties properties) {
    this.properties = properties;
  }

  @Override
  public HttpClient customize(HttpClient httpClient) {
    int connectMillis = Math.toIntExact(properties.connectTimeout().toMillis());
    return httpClient
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectMillis)
        .responseTimeout(properties.responseTimeout());
  }
}
