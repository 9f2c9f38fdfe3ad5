/** The operator's admin API under {@code /admin/**}, guarded by its own credential. */
@NullMarked
package dev.wechatapi.gateway.admin;

import org.jspecify.annotations.NullMarked;
