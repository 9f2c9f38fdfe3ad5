package dev.wechatapi.archive.webhooks;

import java.net.ConnectException;

/**
 * A webhook address the {@link AddressGuard} refuses. A {@link ConnectException}, so that at delivery time it fails
 * the connection attempt like any other unreachable address, with the reason as its message.
 */
final class RefusedAddressException extends ConnectException {

    RefusedAddressException(String reason) {
        super(reason);
    }
}
