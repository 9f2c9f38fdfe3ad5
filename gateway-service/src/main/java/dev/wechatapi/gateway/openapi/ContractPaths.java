package dev.wechatapi.gateway.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.ArrayList;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * The endpoints the gateway forwards to session-service and archive-service, described in this one place (the
 * gateway has no handler for them to be generated from): paths, parameters, bodies, answers and errors.
 */
@Component
class ContractPaths implements OpenApiCustomizer {

  private static final List<String> PAGING = List.of("page", "page_size", "ordering");

  @Override
  public void customise(OpenAPI openApi) {
    ContractSchemas.all().forEach(openApi.getComponents()::addSchemas);
    openApi.path("/login", new PathItem().get(operation("login", "login",
        "Starts a QR login; qrcode is the gateway's signed link to the PNG", "200", "Login")));
    openApi.path("/check-login", new PathItem().get(operation("checkLogin", "login",
        "Where the QR login stands; designed for polling", "200", "CheckLogin")
        .addParametersItem(query("uuid", "The uuid from /login", true))
        .responses(errors(ok("200", "CheckLogin")).addApiResponse("404", error("Unknown uuid")))));
    openApi.path("/send-message", new PathItem().post(sendMessage()));
    Operation update = operation("update", "contacts",
        "Reloads friends, groups (with members) and official accounts from WeChat", "201", "Message");
    update.getResponses().addApiResponse("202", new ApiResponse().description("Accepted: runs on for a large account"))
        .addApiResponse("400", error("The account is offline"));
    openApi.path("/update", new PathItem().get(update));
    openApi.path("/logout", new PathItem().post(operation("logout", "login", "Logs the WeChat account out", "200",
        "Message")));
    openApi.path("/status", new PathItem().get(operation("status", "login",
        "Session state, bound account and last sync time", "200", "Status")));
    openApi.path("/friends", new PathItem().get(list("friends", "contacts", "Friends", "FriendPage",
        "puid", "name", "nick_name", "user_name", "remark_name", "signature", "sex", "province", "city")));
    openApi.path("/groups", new PathItem().get(list("groups", "contacts", "Group chats", "GroupPage",
        "puid", "name", "nick_name", "user_name")));
    Operation members = list("members", "contacts", "Members of a group chat", "FriendPage");
    members.addParametersItem(new Parameter().in("path").name("group_puid").required(true).schema(new StringSchema())
        .description("puid of the group"));
    members.getResponses().addApiResponse("404", error("Unknown group"));
    openApi.path("/members/{group_puid}", new PathItem().get(members));
    openApi.path("/mps", new PathItem().get(list("mps", "contacts", "Official accounts", "MpPage",
        "puid", "name", "nick_name", "province", "city", "signature")));
    openApi.path("/messages", new PathItem().get(list("messages", "messages",
        "Messages sent and received since login, newest first", "ArchivedMessagePage",
        "type", "create_time", "create_time__gte", "create_time__lte", "receive_time", "is_at", "sender_puid",
        "receiver_puid", "search", "receive_time__gte", "receive_time__lte")));
    Operation message = operation("message", "messages", "One message, as /messages lists it", "200",
        "ArchivedMessage")
        .addParametersItem(new Parameter().in("path").name("id").required(true).schema(new StringSchema())
            .description("id (or id_str) of the message in /messages"));
    message.getResponses().addApiResponse("404", error("Unknown id, or another app's message"));
    openApi.path("/messages/{id}", new PathItem().get(message));
    webhook(openApi);
  }

  // The original's message forwarding: the app's webhook settings and the log of its deliveries (archive-service).
  private static void webhook(OpenAPI openApi) {
    Operation show = operation("webhook", "webhook", "The app's webhook", "200", "Webhook");
    show.getResponses().addApiResponse("404", error("The app has no webhook"));
    Operation set = operation("setWebhook", "webhook",
        "Sets where the app's messages are forwarded; answers the signing secret", "200", "WebhookWithSecret")
        .requestBody(new RequestBody().required(true).content(new Content()
            .addMediaType("application/json", new MediaType().schema(ContractSchemas.ref("WebhookSettings")))));
    set.getResponses().addApiResponse("400", error("Missing, malformed or refused url, named in errmsg"))
        .addApiResponse("413", error("Body too large"));
    Operation delete = operation("deleteWebhook", "webhook",
        "Stops forwarding the app's messages; deliveries not made yet are parked", "200", "Message");
    delete.getResponses().addApiResponse("404", error("The app has no webhook"));
    openApi.path("/webhook", new PathItem().get(show).put(set).delete(delete));
    Operation deliveries = operation("webhookDeliveries", "webhook", "Deliveries to the webhook, newest first",
        "200", "WebhookDeliveryPage")
        .addParametersItem(query("status", "retrying, delivered or parked", false));
    for (String name : List.of("page", "page_size")) {
      deliveries.addParametersItem(query(name, describe(name), false));
    }
    deliveries.getResponses().addApiResponse("400", error("A malformed filter value, named in errmsg"));
    openApi.path("/webhook/deliveries", new PathItem().get(deliveries));
    Operation retry = operation("retryWebhookDelivery", "webhook",
        "Delivers a parked delivery again, at once and with a fresh set of attempts", "202", "WebhookDelivery")
        .addParametersItem(new Parameter().in("path").name("id").required(true).schema(new StringSchema())
            .description("id of the delivery"));
    retry.getResponses().addApiResponse("404", error("The app has no such delivery"))
        .addApiResponse("409", error("The delivery is not parked (not_parked) or the app has no webhook (no_webhook)"));
    openApi.path("/webhook/deliveries/{id}/retry", new PathItem().post(retry));
  }

  private static Operation sendMessage() {
    ObjectSchema form = new ObjectSchema();
    form.addProperty("type", new StringSchema()._enum(List.of("text", "image", "file", "video")));
    form.addProperty("puid", new StringSchema().description("A friend, group or official account"));
    form.addProperty("text", new StringSchema().description("Required when type is text"));
    form.setRequired(List.of("type", "puid"));
    ObjectSchema multipart = new ObjectSchema();
    form.getProperties().forEach(multipart::addProperty);
    multipart.addProperty("file", new StringSchema().format("binary").description("Required unless type is text"));
    multipart.setRequired(form.getRequired());
    RequestBody body = new RequestBody().required(true).content(new Content()
        .addMediaType("application/json", new MediaType().schema(form))
        .addMediaType("multipart/form-data", new MediaType().schema(multipart)));
    return operation("sendMessage", "messages", "Sends a message; answers it in the /messages shape", "201",
        "ArchivedMessage")
        .requestBody(body)
        .responses(errors(ok("201", "ArchivedMessage"))
            .addApiResponse("400", error("Bad type, missing text or file, unknown puid, or the account is offline"))
            .addApiResponse("413", error("The upload is larger than wechat.gateway.max-upload-size")));
  }

  private static Operation list(String id, String tag, String summary, String page, String... filters) {
    Operation operation = operation(id, tag, summary, "200", page);
    List<String> names = new ArrayList<>(List.of(filters));
    names.addAll(PAGING);
    for (String name : names) {
      operation.addParametersItem(query(name, describe(name), false));
    }
    operation.getResponses().addApiResponse("400", error("A malformed filter value, named in errmsg"));
    return operation;
  }

  private static String describe(String name) {
    return switch (name) {
      case "page" -> "1-based page number";
      case "page_size" -> "Records per page (default 10, max 500)";
      case "ordering" -> "A documented field, or -field for descending";
      case "search" -> "Text search in message contents";
      case "create_time__gte", "create_time__lte", "receive_time__gte", "receive_time__lte" ->
          "Time range bound, ISO-8601 local date-time";
      case "sex" -> "0 unknown, 1 male, 2 female";
      case "type" -> "Message type: Text, Map, Card, Note, Sharing, Picture, Recording, Attachment, Video, ...";
      default -> "Exact match on " + name;
    };
  }

  private static Operation operation(String id, String tag, String summary, String status, String schema) {
    return new Operation().operationId(id).addTagsItem(tag).summary(summary)
        .addParametersItem(query("access_token", "Access token (or Authorization: Bearer, or a signature)", false))
        .responses(errors(ok(status, schema)))
        .security(ApiDocumentation.APP_SECURITY);
  }

  private static ApiResponses ok(String status, String schema) {
    return new ApiResponses().addApiResponse(status, new ApiResponse().description("Done")
        .content(new Content().addMediaType("application/json", new MediaType().schema(ContractSchemas.ref(schema)))));
  }

  /** The errors every forwarded call can meet, added to its success answer. */
  static ApiResponses errors(ApiResponses responses) {
    Header retryAfter = new Header().description("Seconds to wait").schema(new IntegerSchema());
    return responses
        .addApiResponse("401", error("Missing, invalid or expired credential"))
        .addApiResponse("429", error("Rate limit of the app exceeded").addHeaderObject("Retry-After", retryAfter))
        .addApiResponse("503", error("A service or store is down").addHeaderObject("Retry-After", retryAfter));
  }

  static ApiResponse error(String description) {
    Schema<?> schema = ContractSchemas.ref(ContractSchemas.ERROR);
    return new ApiResponse().description(description)
        .content(new Content().addMediaType("application/json", new MediaType().schema(schema)));
  }

  private static Parameter query(String name, String description, boolean required) {
    return new Parameter().in("query").name(name).description(description).required(required)
        .schema(new StringSchema());
  }
}
