/** Per-app request rates over Spring Cloud Gateway's Redis rate limiter, answered in the contract's shapes. */
@NullMarked
package dev.wechatapi.gateway.ratelimit;

import org.jspecify.annotations.NullMarked;
