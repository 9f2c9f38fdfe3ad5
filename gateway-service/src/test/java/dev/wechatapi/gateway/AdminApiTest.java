package dev.wechatapi.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wechatapi.gateway.apps.NewApp;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

class AdminApiTest extends GatewayTest {

  private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

  @Test
  void operatorCreatesAnAppWhoseSecretIssuesTokens() {
    String name = "管理员创建😀-" + UUID.randomUUID();

    Map<String, Object> created = client.post().uri("/admin/apps")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_TOKEN)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("app_name", name, "token", "my-token"))
        .exchange()
        .expectStatus().isCreated()
        .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
        .expectBody(JSON).returnResult().getResponseBody();

    assertThat(created).containsEntry("app_name", name).containsEntry("token", "my-token");
    assertThat((String) created.get("app_id")).matches("[0-9a-f]{32}");
    client.get().uri("/access_token?app_id={id}&app_secret={secret}", created.get("app_id"), created.get("app_secret"))
        .exchange().expectStatus().isOk();
  }

  @Test
  void operatorListsAppsWithoutTheirSecrets() {
    NewApp app = newApp();

    Map<String, Object> listing = client.get().uri("/admin/apps").header("X-Admin-Token", ADMIN_TOKEN).exchange()
        .expectStatus().isOk()
        .expectBody(JSON).returnResult().getResponseBody();

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> results = (List<Map<String, Object>>) listing.get("results");
    assertThat(results).anySatisfy(row -> {
      assertThat(row).containsEntry("app_id", app.appId()).containsEntry("app_name", app.appName());
      assertThat(row).containsOnlyKeys("app_id", "app_name", "created_at");
    });
    assertThat(listing.get("count")).isEqualTo(results.size());
  }

  @Test
  void rotatingASecretRetiresTheOldOneForTokens() {
    NewApp app = newApp();

    Map<String, Object> rotated = client.post().uri("/admin/apps/{id}/rotate-secret", app.appId())
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_TOKEN).exchange()
        .expectStatus().isOk()
        .expectBody(JSON).returnResult().getResponseBody();

    assertThat(rotated).containsEntry("app_id", app.appId()).containsEntry("app_name", app.appName());
    assertThat(rotated.get("app_secret")).isNotEqualTo(app.appSecret());
    client.get().uri("/access_token?app_id={id}&app_secret={secret}", app.appId(), app.appSecret()).exchange()
        .expectStatus().isBadRequest();
    client.get().uri("/access_token?app_id={id}&app_secret={secret}", app.appId(), rotated.get("app_secret"))
        .exchange().expectStatus().isOk();
  }

  @Test
  void wrongOrMissingAdminTokenIsUnauthorizedAndAppTokensDoNotCount() {
    String appToken = accessTokenFor(newApp());
    String invalid = "{\"errmsg\":\"无效的管理员凭证!\",\"code\":\"invalid_admin_token\"}";

    client.get().uri("/admin/apps").exchange().expectStatus().isUnauthorized().expectBody().json(invalid, true);
    client.get().uri("/admin/apps").header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_TOKEN + "x").exchange()
        .expectStatus().isUnauthorized();
    client.get().uri("/admin/apps").header(HttpHeaders.AUTHORIZATION, "Bearer " + appToken).exchange()
        .expectStatus().isUnauthorized();
    client.post().uri("/admin/apps/{id}/rotate-secret", "0".repeat(32)).exchange()
        .expectStatus().isUnauthorized().expectBody().json(invalid, true);
  }

  @Test
  void clientMistakesGetTheContractShape() {
    NewApp existing = newApp();

    admin().post().uri("/admin/apps").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("app_name", existing.appName())).exchange()
        .expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("duplicate_app");
    admin().post().uri("/admin/apps").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
        .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("invalid_parameter");
    admin().post().uri("/admin/apps").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"app_name\": [1,").exchange()
        .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("bad_request");
    admin().post().uri("/admin/apps").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("app_name", "x", "token", "has spaces")).exchange()
        .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("invalid_parameter");
    admin().post().uri("/admin/apps/{id}/rotate-secret", "f".repeat(32)).exchange()
        .expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("unknown_app");
    admin().delete().uri("/admin/apps").exchange()
        .expectStatus().isEqualTo(405).expectBody().jsonPath("$.code").isEqualTo("method_not_allowed");
  }

  private org.springframework.test.web.reactive.server.WebTestClient admin() {
    return client.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_TOKEN).build();
  }
}
