/**
 * What every read endpoint shares: the tenant header, query parameter parsing, pagination, ordering, time and
 * media rendering, and the one place that turns failures into the contract's error shape.
 */
@NullMarked
package dev.wechatapi.archive.web;

import org.jspecify.annotations.NullMarked;
