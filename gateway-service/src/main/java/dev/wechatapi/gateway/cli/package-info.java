/** Operator commands run from the same executable jar, without starting the web server. */
@NullMarked
package dev.wechatapi.gateway.cli;

import org.jspecify.annotations.NullMarked;
