package dev.wechatapi.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class OpenApiDocumentTest extends GatewayTest {

  /** Every contract endpoint: path, method, and the parameters the contract names for it. */
  private static final Map<String, Map<String, List<String>>> CONTRACT = Map.ofEntries(
      Map.entry("/access_token", Map.of("get", List.of("app_id", "app_secret"))),
      Map.entry("/access-token", Map.of("get", List.of("app_id", "app_secret"))),
      Map.entry("/login", Map.of("get", List.of())),
      Map.entry("/check-login", Map.of("get", List.of("uuid"))),
      Map.entry("/send-message", Map.of("post", List.of())),
      Map.entry("/update", Map.of("get", List.of())),
      Map.entry("/logout", Map.of("post", List.of())),
      Map.entry("/status", Map.of("get", List.of())),
      Map.entry("/qrcode/{uuid}", Map.of("get", List.of("uuid", "expires", "sig"))),
      Map.entry("/friends", Map.of("get", List.of("puid", "name", "nick_name", "user_name", "remark_name",
          "signature", "sex", "province", "city", "page", "page_size"))),
      Map.entry("/groups", Map.of("get", List.of("puid", "name", "nick_name", "user_name", "page", "page_size"))),
      Map.entry("/members/{group_puid}", Map.of("get", List.of("group_puid", "page", "page_size"))),
      Map.entry("/mps", Map.of("get", List.of("puid", "name", "nick_name", "province", "city", "signature",
          "page"))),
      Map.entry("/messages", Map.of("get", List.of("type", "create_time", "receive_time", "is_at", "sender_puid",
          "receiver_puid", "create_time__gte", "create_time__lte", "receive_time__gte", "receive_time__lte",
          "search", "page", "page_size"))),
      Map.entry("/messages/{id}", Map.of("get", List.of("id"))),
      Map.entry("/webhook", Map.of("get", List.of(), "put", List.of(), "delete", List.of())),
      Map.entry("/webhook/deliveries", Map.of("get", List.of("status", "page", "page_size"))),
      Map.entry("/webhook/deliveries/{id}/retry", Map.of("post", List.of("id"))),
      Map.entry("/admin/apps", Map.of("get", List.of(), "post", List.of())),
      Map.entry("/admin/apps/{app_id}/rotate-secret", Map.of("post", List.of("app_id"))));

  @Test
  void documentDescribesEveryContractEndpointWithItsParameters() {
    JsonNode document = apiDocs();

    CONTRACT.forEach((path, methods) -> methods.forEach((method, parameters) -> {
      JsonNode operation = document.path("paths").path(path).path(method);
      assertThat(operation.isObject()).as(method + " " + path).isTrue();
      List<String> names = StreamSupport.stream(operation.path("parameters").spliterator(), false)
          .map(parameter -> parameter.path("name").asString()).toList();
      assertThat(names).as(method + " " + path).containsAll(parameters);
      assertThat(operation.path("responses").size()).as(method + " " + path).isGreaterThan(1);
    }));
  }

  @Test
  void sendMessageDocumentsBothBodiesAndErrorsUseTheContractShape() {
    JsonNode document = apiDocs();

    JsonNode content = document.at("/paths/~1send-message/post/requestBody/content");
    assertThat(content.path("multipart/form-data").at("/schema/properties/file/format").asString())
        .isEqualTo("binary");
    assertThat(content.path("application/json").at("/schema/required").toString())
        .contains("type").contains("puid");
    assertThat(document.at("/components/schemas/Error/properties").has("errmsg")).isTrue();
    assertThat(document.at("/components/schemas/Error/properties").has("code")).isTrue();
    assertThat(document.at("/paths/~1friends/get/responses/429/headers").has("Retry-After")).isTrue();
    assertThat(document.at("/paths/~1send-message/post/responses/413").isObject()).isTrue();
  }

  @Test
  void webhookDocumentsItsSettingsAndTheDeliveryLog() {
    JsonNode document = apiDocs();

    assertThat(document.at("/paths/~1webhook/put/requestBody/content/application~1json/schema/$ref").asString())
        .isEqualTo("#/components/schemas/WebhookSettings");
    assertThat(document.at("/components/schemas/WebhookSettings/properties").has("rotate_secret")).isTrue();
    assertThat(document.at("/paths/~1webhook/put/responses/200/content/application~1json/schema/$ref").asString())
        .isEqualTo("#/components/schemas/WebhookWithSecret");
    assertThat(document.at("/components/schemas/WebhookWithSecret/properties").propertyNames())
        .containsExactly("url", "secret", "created", "updated");
    assertThat(document.at("/components/schemas/Webhook/properties").propertyNames())
        .containsExactly("url", "created", "updated");
    assertThat(document.at("/paths/~1webhook/delete/responses/200/content/application~1json/schema/$ref").asString())
        .isEqualTo("#/components/schemas/Message");
    assertThat(document.at("/components/schemas/WebhookDeliveryPage/properties").propertyNames())
        .containsExactly("count", "next", "previous", "results");
    assertThat(document.at("/components/schemas/WebhookDelivery/properties").propertyNames())
        .containsExactly("id", "message_id", "message_id_str", "event_type", "status", "attempts",
            "last_status_code", "last_error", "created", "next_attempt", "delivered");
    assertThat(document.at("/components/schemas/WebhookDelivery/properties/status/enum").toString())
        .isEqualTo("[\"delivered\",\"retrying\",\"parked\"]");
    assertThat(document.at("/paths/~1webhook~1deliveries~1{id}~1retry/post/responses/202/content/application~1json"
        + "/schema/$ref").asString()).isEqualTo("#/components/schemas/WebhookDelivery");
  }

  @Test
  void swaggerUiIsServedWithoutAToken() {
    String location = client.get().uri("/swagger-ui.html").exchange()
        .expectStatus().is3xxRedirection()
        .returnResult(Void.class).getResponseHeaders().getLocation().toString();

    client.get().uri(location).exchange()
        .expectStatus().isOk()
        .expectBody(String.class).value(page -> assertThat(page).contains("swagger-ui"));
  }

  private JsonNode apiDocs() {
    byte[] body = client.get().uri("/v3/api-docs").exchange()
        .expectStatus().isOk()
        .expectBody().returnResult().getResponseBody();
    return JsonMapper.builder().build().readTree(body);
  }
}
