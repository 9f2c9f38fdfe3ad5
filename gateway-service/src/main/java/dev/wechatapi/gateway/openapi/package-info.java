/** The OpenAPI 3 description of the public API, served at {@code /v3/api-docs} with Swagger UI. */
@NullMarked
package dev.wechatapi.gateway.openapi;

import org.jspecify.annotations.NullMarked;
