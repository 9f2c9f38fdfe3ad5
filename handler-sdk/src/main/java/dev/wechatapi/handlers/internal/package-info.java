/** The machinery behind the handler SDK's public types: the consume loop, dispatch and retries, the gateway client. */
package dev.wechatapi.handlers.internal;
