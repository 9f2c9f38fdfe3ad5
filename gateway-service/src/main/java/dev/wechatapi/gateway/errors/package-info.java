/** One place that turns every failure into the contract's error shape. */
@NullMarked
package dev.wechatapi.gateway.errors;

import org.jspecify.annotations.NullMarked;
