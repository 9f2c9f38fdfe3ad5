package dev.wechatapi.handlers;

/**
 * Told about every message a handler gave up on, after the runner has logged it: for a dead-letter store, an
 * alert or a metric. Called on the runner's thread; it should return quickly and not throw.
 *
 * <pre>{@code
 * HandlerRunner.builder()...onFailure(failure -> deadLetters.add(failure.message().uniqueId())).build();
 * }</pre>
 */
@FunctionalInterface
public interface FailureListener {

    void onFailure(HandlerFailure failure);
}
