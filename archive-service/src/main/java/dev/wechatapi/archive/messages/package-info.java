/** Messages: archiving message events, and {@code GET /messages}. */
@NullMarked
package dev.wechatapi.archive.messages;

import org.jspecify.annotations.NullMarked;
