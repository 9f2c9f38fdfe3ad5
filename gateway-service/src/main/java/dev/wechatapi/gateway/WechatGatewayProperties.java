package dev.wechatapi.gateway;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code wechat.gateway}; the README's configuration table documents each with its default.
 *
 * @param sessionUri where session-service listens (login, sending, status)
 * @param archiveUri where archive-service listens (contacts, messages)
 * @param tokenLifetime how long an access token is valid
 * @param tokenGrace how long the previous token of an app stays valid once a new one is issued (0: at once)
 * @param signatureWindow how far a signature's timestamp may be from now, in either direction
 * @param connectTimeout connect timeout for calls to the services
 * @param responseTimeout how long a service may take to answer (between reads) before the call fails
 * @param retryAfter the {@code Retry-After} sent with a 503
 */
@ConfigurationProperties("wechat.gateway")
public record WechatGatewayProperties(
    @DefaultValue("http://localhost:8081") URI sessionUri,
    @DefaultValue("http://localhost:8082") URI archiveUri,
    @DefaultValue("7200s") Duration tokenLifetime,
    @DefaultValue("300s") Duration tokenGrace,
    @DefaultValue("300s") Duration signatureWindow,
    @DefaultValue("2s") Duration connectTimeout,
    @DefaultValue("30s") Duration responseTimeout,
    @DefaultValue("5s") Duration retryAfter) {

  public WechatGatewayProperties {
    if (tokenLifetime.isNegative() || tokenLifetime.isZero()) {
      throw new IllegalArgumentException("wechat.gateway.token-lifetime must be positive");
    }
    if (tokenGrace.isNegative()) {
      throw new IllegalArgumentException("wechat.gateway.token-grace must not be negative");
    }
    if (signatureWindow.isNegative() || signatureWindow.isZero()) {
      throw new IllegalArgumentException("wechat.gateway.signature-window must be positive");
    }
  }
}
