package dev.wechatapi.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

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
 * @param linkSecret key of the signed links (QR code images); absent: a random key per start, so links do not
 *     survive a restart and do not work across several gateway instances
 * @param qrLinkLifetime how long a signed QR code link works
 * @param adminToken the operator's credential for {@code /admin/**}; absent or blank: the admin API is off (404)
 * @param maxUploadSize largest {@code /send-message} body; larger ones are refused with 413
 * @param cors which browser origins may call the API
 * @param rateLimits per-app request rates, by route group
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
    @DefaultValue("5s") Duration retryAfter,
    @Nullable String linkSecret,
    @DefaultValue("300s") Duration qrLinkLifetime,
    @Nullable String adminToken,
    @DefaultValue("20MB") DataSize maxUploadSize,
    @DefaultValue Cors cors,
    @DefaultValue RateLimits rateLimits) {

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
    if (qrLinkLifetime.isNegative() || qrLinkLifetime.isZero()) {
      throw new IllegalArgumentException("wechat.gateway.qr-link-lifetime must be positive");
    }
    if (maxUploadSize.isNegative()) {
      throw new IllegalArgumentException("wechat.gateway.max-upload-size must not be negative");
    }
  }

  /** Settings with the defaults of every optional feature, for code that builds properties by hand. */
  public static WechatGatewayProperties defaults() {
    return new WechatGatewayProperties(URI.create("http://localhost:8081"), URI.create("http://localhost:8082"),
        Duration.ofSeconds(7200), Duration.ofSeconds(300), Duration.ofSeconds(300), Duration.ofSeconds(2),
        Duration.ofSeconds(30), Duration.ofSeconds(5), null, Duration.ofSeconds(300), null, DataSize.ofMegabytes(20),
        new Cors(List.of()), new RateLimits(RateLimit.DEFAULT, RateLimit.DEFAULT, RateLimit.DEFAULT));
  }

  /** @param allowedOrigins origins (e.g. {@code https://desk.example.com}) allowed by CORS; empty: none */
  public record Cors(@DefaultValue List<String> allowedOrigins) {}

  /**
   * Rates per route group; each group has its own bucket per app.
   *
   * @param session login, check-login, send-message, update, logout, status
   * @param archive friends, groups, members, mps, messages
   * @param media {@code GET /media/{id}}, served by the gateway itself
   */
  public record RateLimits(
      @DefaultValue RateLimit session, @DefaultValue RateLimit archive, @DefaultValue RateLimit media) {

    /** The name of every group, as route definitions and {@link #of} know them. */
    public static final List<String> GROUPS = List.of("session", "archive", "media");

    /** The rate of a group by its name in the route definitions. */
    public RateLimit of(String group) {
      return switch (group) {
        case "session" -> session;
        case "archive" -> archive;
        case "media" -> media;
        default -> throw new IllegalArgumentException("unknown rate limit group '" + group + "'");
      };
    }
  }

  /**
   * A token bucket: {@code replenishRate} requests per second on average, up to {@code burstCapacity} at once.
   */
  public record RateLimit(@DefaultValue("50") int replenishRate, @DefaultValue("100") int burstCapacity) {

    static final RateLimit DEFAULT = new RateLimit(50, 100);

    public RateLimit {
      if (replenishRate < 1 || burstCapacity < replenishRate) {
        throw new IllegalArgumentException(
            "a rate limit needs replenish-rate >= 1 and burst-capacity >= replenish-rate");
      }
    }
  }
}
