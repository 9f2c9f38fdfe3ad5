package dev.wechatapi.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wechatapi.gateway.apps.NewApp;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class AccessTokenEndpointTest extends GatewayTest {

  private static final String INVALID_APP = "{\"errmsg\":[\"无效的app\"],\"code\":\"invalid_app\"}";

  @Test
  void rightIdAndSecretGetARandomUrlSafeTokenValidFor7200Seconds() {
    NewApp app = newApp();

    client.get().uri("/access_token?app_id={id}&app_secret={secret}", app.appId(), app.appSecret())
        .exchange()
        .expectStatus().isOk()
        .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
        .expectBody()
        .jsonPath("$.expire_in").isEqualTo(7200)
        .jsonPath("$.access_token").value(String.class,
            token -> assertThat(token).matches("[A-Za-z0-9_-]{43,}"));
  }

  @Test
  void hyphenatedAliasIssuesTokensToo() {
    NewApp app = newApp();

    client.get().uri("/access-token?app_id={id}&app_secret={secret}", app.appId(), app.appSecret())
        .exchange()
        .expectStatus().isOk()
        .expectBody().jsonPath("$.access_token").isNotEmpty();
  }

  @Test
  void everyTokenIsNew() {
    NewApp app = newApp();

    assertThat(accessTokenFor(app)).isNotEqualTo(accessTokenFor(app));
  }

  @Test
  void wrongSecretIsAnInvalidApp() {
    NewApp app = newApp();

    client.get().uri("/access_token?app_id={id}&app_secret=wrong", app.appId())
        .exchange()
        .expectStatus().isBadRequest()
        .expectBody().json(INVALID_APP, true);
  }

  @Test
  void anotherAppsSecretIsAnInvalidApp() {
    NewApp app = newApp();
    NewApp other = newApp();

    client.get().uri("/access_token?app_id={id}&app_secret={secret}", app.appId(), other.appSecret())
        .exchange()
        .expectStatus().isBadRequest()
        .expectBody().json(INVALID_APP, true);
  }

  @Test
  void missingParametersAreAnInvalidApp() {
    client.get().uri("/access_token").exchange().expectStatus().isBadRequest().expectBody().json(INVALID_APP, true);
    client.get().uri("/access_token?app_id=0123456789abcdef0123456789abcdef").exchange()
        .expectStatus().isBadRequest().expectBody().json(INVALID_APP, true);
  }

  @Test
  void malformedAppIdIsAnInvalidApp() {
    client.get().uri("/access_token?app_id={id}&app_secret=x", "'; DROP TABLE apps; --")
        .exchange()
        .expectStatus().isBadRequest()
        .expectBody().json(INVALID_APP, true);
  }

  @Test
  void postingIsMethodNotAllowed() {
    client.post().uri("/access_token")
        .exchange()
        .expectStatus().isEqualTo(405)
        .expectHeader().valueEquals(HttpHeaders.ALLOW, "GET")
        .expectBody().jsonPath("$.code").isEqualTo("method_not_allowed").jsonPath("$.errmsg").isNotEmpty();
  }
}
