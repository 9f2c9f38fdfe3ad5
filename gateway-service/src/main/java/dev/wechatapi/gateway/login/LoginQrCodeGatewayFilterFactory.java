package dev.wechatapi.gateway.login;

import org.jspecify.annotations.Nullable;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.rewrite.ModifyResponseBodyGatewayFilterFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Route filter {@code LoginQrCode}: replaces the {@code qrcode} of a successful {@code /login} answer with the
 * gateway's signed link to the image ({@code /qrcode/<uuid>?expires=..&sig=..}), so that clients never need to
 * reach WeChat. Other answers (errors, anything not a JSON object with a uuid) pass unchanged.
 */
@Component
class LoginQrCodeGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

  private final ModifyResponseBodyGatewayFilterFactory modifyResponseBody;
  private final QrCodeLinks links;
  private final JsonMapper json;

  LoginQrCodeGatewayFilterFactory(
      ModifyResponseBodyGatewayFilterFactory modifyResponseBody, QrCodeLinks links, JsonMapper json) {
    super(Object.class);
    this.modifyResponseBody = modifyResponseBody;
    this.links = links;
    this.json = json;
  }

  @Override
  public GatewayFilter apply(Object config) {
    return modifyResponseBody.apply(
        new ModifyResponseBodyGatewayFilterFactory.Config().setRewriteFunction(byte[].class, byte[].class,
            (exchange, body) -> Mono.justOrEmpty(rewrite((ServerWebExchange) exchange, (byte[]) body))));
  }

  private byte @Nullable [] rewrite(ServerWebExchange exchange, byte @Nullable [] body) {
    HttpStatusCode status = exchange.getResponse().getStatusCode();
    if (body == null || status == null || !status.is2xxSuccessful()) {
      return body;
    }
    JsonNode answer;
    try {
      answer = json.readTree(body);
    } catch (JacksonException e) {
      return body;
    }
    if (!(answer instanceof ObjectNode login) || !login.path("uuid").isString()) {
      return body;
    }
    String uuid = login.path("uuid").asString();
    if (!QrCodeImage.isUuid(uuid)) {
      return body;
    }
    login.put("qrcode", links.signedUrl(exchange.getRequest(), uuid).toString());
    return json.writeValueAsBytes(login);
  }
}
