/**
 * Where the gateway keeps what its replicas share (access tokens, used nonces, QR code owners, rate-limit buckets):
 * Redis, or, with {@code wechat.gateway.store=memory}, this process's memory for a single gateway without Redis.
 */
@NullMarked
package dev.wechatapi.gateway.store;

import org.jspecify.annotations.NullMarked;
