package dev.wechatapi.gateway.login;

import dev.wechatapi.gateway.auth.Authenticator;
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
 * reach WeChat, and remembers that the uuid is the calling app's ({@link QrCodeOwners}). Other answers (errors,
 * anything not a JSON object with a uuid) pass unchanged.
 */
@Component
class LoginQrCodeGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

  private final ModifyResponseBodyGatewayFilterFactory modifyResponseBody;
  private final QrCodeLinks links;
  private final QrCodeOwners owners;
  private final JsonMapper json;

  LoginQrCodeGatewayFilterFactory(ModifyResponseBodyGatewayFilterFactory modifyResponseBody, QrCodeLinks links,
      QrCodeOwners owners, JsonMapper json) {
    super(Object.class);
    this.modifyResponseBody = modifyResponseBody;
    this.links = links;
    this.owners = owners;
    this.json = json;
  }

  @Override
  public GatewayFilter apply(Object config) {
    return modifyResponseBody.apply(
        new ModifyResponseBodyGatewayFilterFactory.Config().setRewriteFunction(byte[].class, byte[].class,
            (exchange, body) -> rewrite((ServerWebExchange) exchange, (byte[]) body)));
  }

  private Mono<byte[]> rewrite(ServerWebExchange exchange, byte @Nullable [] body) {
    HttpStatusCode status = exchange.getResponse().getStatusCode();
    if (body == null || status == null || !status.is2xxSuccessful()) {
      return Mono.justOrEmpty(body);
    }
    JsonNode answer;
    try {
      answer = json.readTree(body);
    } catch (JacksonException e) {
      return Mono.just(body);
    }
    String appId = exchange.getAttribute(Authenticator.APP_ID_ATTRIBUTE);
    if (!(answer instanceof ObjectNode login) || !login.path("uuid").isString() || appId == null) {
      return Mono.just(body);
    }
    String uuid = login.path("uuid").asString();
    if (!QrCodeImage.isUuid(uuid)) {
      return Mono.just(body);
    }
    login.put("qrcode", links.signedUrl(exchange.getRequest(), uuid).toString());
    return owners.remember(uuid, appId).thenReturn(json.writeValueAsBytes(login));
  }
}
