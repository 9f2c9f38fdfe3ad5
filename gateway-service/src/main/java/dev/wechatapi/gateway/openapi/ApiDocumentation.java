package dev.wechatapi.gateway.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The document's frame: title, the ways to authenticate, and the error shape. The gateway's own endpoints are
 * generated from their router beans ({@code @RouterOperation}); the forwarded ones come from {@link ContractPaths}.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

  /** Any one of the app credentials. */
  static final List<SecurityRequirement> APP_SECURITY = List.of(
      new SecurityRequirement().addList("access_token"),
      new SecurityRequirement().addList("bearer"),
      new SecurityRequirement().addList("signature"));

  @Bean
  OpenAPI wechatApi() {
    return new OpenAPI()
        .info(new Info().title("wechat-api").version("1")
            .description("Personal WeChat accounts as a multi-tenant REST API. Every error is "
                + "{\"errmsg\": <string or list>, \"code\": <machine code>}; 429 and 503 carry Retry-After."))
        .components(new Components()
            .addSecuritySchemes("access_token", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.QUERY).name("access_token").description("From GET /access_token"))
            .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .description("Authorization: Bearer <access_token>"))
            .addSecuritySchemes("signature", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.HEADER).name("X-Signature")
                .description("With X-App-Id, X-Timestamp (epoch seconds) and optional X-Nonce: sha1 hex of the "
                    + "sorted concatenation of [token, timestamp, nonce]; or app_id, timestamp, nonce, signature "
                    + "in the query"))
            .addSecuritySchemes("admin", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .description("The operator's wechat.gateway.admin-token (or X-Admin-Token)")));
  }
}
