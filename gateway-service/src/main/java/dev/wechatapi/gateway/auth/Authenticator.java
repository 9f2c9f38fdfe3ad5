package dev.wechatapi.gateway.auth;

import dev.wechatapi.gateway.tokens.AccessTokens;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Proves which app a request comes from, by token or by signature; used for routed calls and for the gateway's
 * own endpoints that need an app (the QR code image).
 *
 * <pre>authenticator.authenticate(exchange.getRequest()) // app id, or an ApiException 401</pre>
 */
@Component
public class Authenticator {

  /** Exchange attribute holding the authenticated app id of a routed call, for the filters after authentication. */
  public static final String APP_ID_ATTRIBUTE = "wechat.gateway.appId";

  private final AccessTokens accessTokens;
  private final SignatureVerifier signatures;

  Authenticator(AccessTokens accessTokens, SignatureVerifier signatures) {
    this.accessTokens = accessTokens;
    this.signatures = signatures;
  }

  /** The authenticated app id; an {@code ApiException} 401 (or a store failure) otherwise. */
  public Mono<String> authenticate(ServerHttpRequest request) {
    return switch (CredentialsReader.read(request)) {
      case Credentials.Token token ->
          accessTokens.resolve(token.value()).switchIfEmpty(Mono.error(AuthFailures::invalidToken));
      case Credentials.Signature signature -> signatures.verify(signature);
      case Credentials.Missing missing -> Mono.error(AuthFailures.unauthenticated());
    };
  }
}
