/** Sessions: the latest session state of each app, as the event stream reports it. */
@NullMarked
package dev.wechatapi.archive.sessions;

import org.jspecify.annotations.NullMarked;
