/** Authentication of every routed call, by access token or by signature, before it reaches a service. */
@NullMarked
package dev.wechatapi.gateway.auth;

import org.jspecify.annotations.NullMarked;
