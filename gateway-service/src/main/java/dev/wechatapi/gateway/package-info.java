/** The public entry point: apps, access tokens, signatures and routing to the services that own each call. */
@NullMarked
package dev.wechatapi.gateway;

import org.jspecify.annotations.NullMarked;
