package dev.wechatapi.gateway.errors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wechatapi.gateway.WechatGatewayProperties;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;

class ErrorClassifierTest {

  private final ErrorClassifier classifier = new ErrorClassifier(new WechatGatewayProperties(
      URI.create("http://localhost:8081"), URI.create("http://localhost:8082"), Duration.ofHours(2),
      Duration.ofMinutes(5), Duration.ofMinutes(5), Duration.ofSeconds(2), Duration.ofSeconds(30),
      Duration.ofSeconds(7), null, Duration.ofMinutes(5), null, DataSize.ofMegabytes(20),
      new WechatGatewayProperties.Cors(List.of()), WechatGatewayProperties.defaults().rateLimits()));

  @Test
  void unexpectedFailureIsA500WithoutItsMessage() {
    ErrorReply reply = classifier.classify(new IllegalStateException("secret internals"));

    assertThat(reply.status()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    assertThat(reply.error()).isEqualTo(new ApiError("服务器内部错误。", "internal_error"));
  }

  @Test
  void databaseDownIsStoreUnavailableEvenThoughItsCauseIsAConnectFailure() {
    ErrorReply reply = classifier.classify(new DataAccessResourceFailureException("down",
        new R2dbcNonTransientResourceException("refused", new ConnectException("refused"))));

    assertThat(reply.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    assertThat(reply.error().code()).isEqualTo("store_unavailable");
    assertThat(reply.retryAfter()).isEqualTo(Duration.ofSeconds(7));
  }

  @Test
  void gatewayTimeoutOfTheRoutingFilterIsBackendUnavailable() {
    ErrorReply reply = classifier.classify(new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT, "slow"));

    assertThat(reply.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    assertThat(reply.error().code()).isEqualTo("backend_unavailable");
  }

  @Test
  void wrongMethodNamesTheAllowedOnes() {
    ErrorReply reply = classifier.classify(new MethodNotAllowedException(HttpMethod.PUT, Set.of(HttpMethod.GET)));

    assertThat(reply.status()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
    assertThat(reply.allow()).containsExactly(HttpMethod.GET);
    assertThat(reply.error().errmsg()).isEqualTo("方法 “PUT” 不被允许。");
  }

  @Test
  void otherClientErrorsKeepTheirStatus() {
    ErrorReply reply = classifier.classify(new ResponseStatusException(HttpStatus.UNSUPPORTED_MEDIA_TYPE));

    assertThat(reply.status()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    assertThat(reply.error().code()).isEqualTo("unsupported_media_type");
  }

  @Test
  void anythingThatGoesWrongWhileForwardingIsBackendUnavailable() {
    ErrorReply reply = classifier.classify(
        new BackendFailureException(new IllegalArgumentException("invalid version format: {}HTTP/1.1")));

    assertThat(reply.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    assertThat(reply.error().code()).isEqualTo("backend_unavailable");
    assertThat(reply.retryAfter()).isEqualTo(Duration.ofSeconds(7));
  }

  @Test
  void rateLimitedKeepsItsOwnRetryAfter() {
    ErrorReply reply = classifier.classify(
        new ApiException(HttpStatus.TOO_MANY_REQUESTS, "rate_limited", "slow down", Duration.ofSeconds(1)));

    assertThat(reply.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(reply.retryAfter()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void storeUnavailableRaisedByAFeatureGetsTheConfiguredRetryAfter() {
    ErrorReply reply = classifier.classify(ApiException.storeUnavailable());

    assertThat(reply.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    assertThat(reply.error().code()).isEqualTo("store_unavailable");
    assertThat(reply.retryAfter()).isEqualTo(Duration.ofSeconds(7));
  }
}
