/**
 * Custom message handlers for wechat-api: extend {@link dev.wechatapi.handlers.MessageHandler}, override the
 * methods of the message types you care about, and run the handlers with a
 * {@link dev.wechatapi.handlers.HandlerRunner} against the {@code wechat.messages} topic. Everything under
 * {@code internal} may change without notice.
 */
package dev.wechatapi.handlers;
