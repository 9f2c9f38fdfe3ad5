/** What the gateway adds to a forwarded call: X-Forwarded-* headers and backend timeouts. */
@NullMarked
package dev.wechatapi.gateway.routing;

import org.jspecify.annotations.NullMarked;
