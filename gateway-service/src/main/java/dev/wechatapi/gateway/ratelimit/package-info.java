/** Per-app request rates: token buckets in Redis (or in memory for one gateway), answered in the contract's shapes. */
@NullMarked
package dev.wechatapi.gateway.ratelimit;

import org.jspecify.annotations.NullMarked;
