/** What every store shares: building filtered SQL, binding nullable values, UTC times, failure kinds. */
@NullMarked
package dev.wechatapi.archive.store;

import org.jspecify.annotations.NullMarked;
