package dev.wechatapi.archive.web;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of a list, in the contract's shape; {@code next}/{@code previous} are absolute URLs or null. */
public record Page<T>(long count, @Nullable String next, @Nullable String previous, List<T> results) {}
