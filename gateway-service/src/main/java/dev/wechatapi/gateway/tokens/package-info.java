/** Access tokens: issued for an app's id and secret, kept in Redis (or memory), retired after a grace period. */
@NullMarked
package dev.wechatapi.gateway.tokens;

import org.jspecify.annotations.NullMarked;
