package dev.wechatapi.archive.ingest;

/** A record that is not an event of the contract, or lacks what the archive needs; retrying cannot help. */
final class UnreadableEventException extends RuntimeException {

    UnreadableEventException(String message) {
        super(message);
    }

    UnreadableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
