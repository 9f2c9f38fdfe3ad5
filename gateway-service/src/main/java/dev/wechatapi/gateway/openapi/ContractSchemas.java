package dev.wechatapi.gateway.openapi;

import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The response shapes of the contract (shared/api-contract.md) as OpenAPI component schemas. */
final class ContractSchemas {

  static final String ERROR = "Error";

  private ContractSchemas() {}

  /** Every schema by its component name. */
  static Map<String, Schema<?>> all() {
    Map<String, Schema<?>> schemas = new LinkedHashMap<>();
    schemas.put(ERROR, object("Every error: the original's text and a stable machine code.", props(
        "errmsg", new ComposedSchema().oneOf(List.of(new StringSchema(), new ArraySchema().items(new StringSchema())))
            .description("The original project's text; a list where the original answered with one"),
        "code", text("Machine-readable code, e.g. invalid_token, rate_limited, backend_unavailable"))));
    schemas.put("Login", object("A QR login started.", props(
        "uuid", text("Login uuid, for /check-login"),
        "status", text("Always \"0\""),
        "qrcode", text("Absolute, signed and expiring URL of the QR code PNG, served by the gateway")
            .format("uri"))));
    schemas.put("CheckLogin", object("Where a QR login stands.", props(
        "status", text("408 waiting for scan, 201 scanned, 200 logged in, 400 QR expired")
            ._enum(List.of("408", "201", "200", "400")),
        "alive", new BooleanSchema().nullable(true).description("null: never logged in, true: online, false: out"),
        "avatar", text("Base64 JPEG of the scanning account, from status 201 on").nullable(true))));
    schemas.put("Status", object("The app's WeChat session.", props(
        "state", text("Session state"),
        "alive", new BooleanSchema().nullable(true),
        "account", object("The bound account", props("puid", text(null), "name", text(null))).nullable(true),
        "last_sync", text("Last sync time, ISO-8601 local date-time").nullable(true))));
    schemas.put("Message", object("A text answer.", props("msg", text("e.g. 更新成功!"))));
    schemas.put("Friend", object("A friend (also a group member).", strings(
        "puid", "name", "nick_name", "user_name", "remark_name", "avatar", "signature", "province", "city"),
        props("sex", new IntegerSchema().description("0 unknown, 1 male, 2 female"))));
    schemas.put("Group", object("A group chat.", strings("puid", "name", "nick_name", "user_name", "avatar", "owner"),
        props()));
    schemas.put("Mp", object("An official account.", strings("puid", "name", "nick_name", "province", "city",
        "signature"), props()));
    schemas.put("ArchivedMessage", object("A message sent or received after login.", props(
        "id", new IntegerSchema().format("int64"),
        "id_str", text("The id as a string (JavaScript loses precision on 64-bit numbers)"),
        "content", new ObjectSchema().description("{\"message\": id, ...fields of the type}"),
        "type", object("Kinds of sender and receiver: wxusermodel, wxgroupmodel or wxmpsmodel",
            props("sender", text(null), "receiver", text(null))),
        "msg_type", text("Text, Map, Card, Note, Sharing, Picture, Recording, Attachment, Video, Friends, System"),
        "create_time", text("ISO-8601 local date-time"),
        "receive_time", text("ISO-8601 local date-time"),
        "is_at", new BooleanSchema(),
        "sender_puid", text(null),
        "receiver_puid", text(null),
        "member", text("puid of the group member who sent a group message").nullable(true))));
    schemas.put("WebhookSettings", object("Where the app's messages are forwarded.", props(
        "url", text("Absolute http(s) URL that receives every message of the app").format("uri"),
        "rotate_secret", new BooleanSchema().description("Draw a new signing secret (default: keep the current one)"))));
    schemas.put("Webhook", object("The app's webhook.", props(
        "url", text(null).format("uri"),
        "created", text("ISO-8601 local date-time"),
        "updated", text("ISO-8601 local date-time"))));
    schemas.put("WebhookWithSecret", object("The app's webhook and the secret its deliveries are signed with.", props(
        "url", text(null).format("uri"),
        "secret", text("HMAC key of the deliveries' X-Wechat-Signature (64 hex); created by the first PUT"),
        "created", text("ISO-8601 local date-time"),
        "updated", text("ISO-8601 local date-time"))));
    schemas.put("WebhookDelivery", object("One message's delivery to the webhook.", props(
        "id", new IntegerSchema().format("int64"),
        "message_id", new IntegerSchema().format("int64").description("id of the message in /messages"),
        "message_id_str", text("message_id as a string"),
        "event_type", text("The event that made the delivery, e.g. a message received or sent"),
        "status", text("delivered; retrying (another attempt is scheduled); parked (attempts exhausted)")
            ._enum(List.of("delivered", "retrying", "parked")),
        "attempts", new IntegerSchema(),
        "last_status_code", new IntegerSchema().nullable(true).description("HTTP status of the last attempt"),
        "last_error", text("Why the last attempt failed").nullable(true),
        "created", text("ISO-8601 local date-time"),
        "next_attempt", text("ISO-8601 local date-time when a retrying delivery is due").nullable(true),
        "delivered", text("ISO-8601 local date-time when the receiver took it").nullable(true))));
    for (String item : List.of("Friend", "Group", "Mp", "ArchivedMessage", "WebhookDelivery")) {
      schemas.put(item + "Page", object("A page of " + item + " records.", props(
          "count", new IntegerSchema().description("Records over all pages"),
          "next", text("Absolute URL of the next page, every query parameter kept").nullable(true),
          "previous", text("Absolute URL of the previous page").nullable(true),
          "results", new ArraySchema().items(ref(item)))));
    }
    return schemas;
  }

  /** Properties in the order given: alternating names and schemas. */
  private static Map<String, Schema<?>> props(Object... namesAndSchemas) {
    Map<String, Schema<?>> properties = new LinkedHashMap<>();
    for (int i = 0; i < namesAndSchemas.length; i += 2) {
      properties.put((String) namesAndSchemas[i], (Schema<?>) namesAndSchemas[i + 1]);
    }
    return properties;
  }

  static Schema<?> ref(String name) {
    return new Schema<>().$ref("#/components/schemas/" + name);
  }

  private static StringSchema text(@Nullable String description) {
    StringSchema schema = new StringSchema();
    schema.setDescription(description);
    return schema;
  }

  private static Map<String, Schema<?>> strings(String... names) {
    Map<String, Schema<?>> properties = new LinkedHashMap<>();
    for (String name : names) {
      properties.put(name, new StringSchema());
    }
    return properties;
  }

  private static ObjectSchema object(
      String description, Map<String, Schema<?>> properties, Map<String, Schema<?>> more) {
    Map<String, Schema<?>> all = new LinkedHashMap<>(properties);
    all.putAll(more);
    return object(description, all);
  }

  private static ObjectSchema object(String description, Map<String, Schema<?>> properties) {
    ObjectSchema schema = new ObjectSchema();
    schema.setDescription(description);
    properties.forEach(schema::addProperty);
    return schema;
  }
}
