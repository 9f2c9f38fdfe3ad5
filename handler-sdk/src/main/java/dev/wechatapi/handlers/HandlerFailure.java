package dev.wechatapi.handlers;

/**
 * A handler gave up on a message: every attempt threw. The runner reports it to the {@link FailureListener} and
 * moves on; the message is not delivered to that handler again.
 *
 * @param handler the handler that threw
 * @param message the message it could not handle
 * @param attempts how many times it was tried
 * @param error what the last attempt threw
 */
public record HandlerFailure(MessageHandler handler, IncomingMessage message, int attempts, Exception error) {}
