/** How {@link dev.wechatapi.media.FileSystemMediaStore} names, lays out and reads its files; not a public API. */
@NullMarked
package dev.wechatapi.media.internal;

import org.jspecify.annotations.NullMarked;
