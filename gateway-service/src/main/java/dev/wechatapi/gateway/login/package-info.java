/** QR login as the gateway serves it: the QR code image, its signed links, and the rewritten {@code /login}. */
@NullMarked
package dev.wechatapi.gateway.login;

import org.jspecify.annotations.NullMarked;
