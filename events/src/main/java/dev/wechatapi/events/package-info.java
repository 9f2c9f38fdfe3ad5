/**
 * The event contract between the session service and its consumers (the archive, webhooks, custom handlers).
 * See {@code docs/events.md} for topics, keys, types and payloads.
 */
package dev.wechatapi.events;
